package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.presence.PresenceTestSupport.available;
import static org.parley.server.presence.PresenceTestSupport.presence;
import static org.parley.server.presence.PresenceTestSupport.push;
import static org.parley.server.presence.PresenceTestSupport.pushedItem;
import static org.parley.server.presence.PresenceTestSupport.signIn;
import static org.parley.server.presence.PresenceTestSupport.subscribe;

import java.time.Duration;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.roster.Roster;
import org.parley.server.roster.RosterItem;
import org.parley.server.roster.RosterModule;
import org.parley.server.roster.Subscription;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Stanza;

class SubscriptionTest {

    private RosterModule roster;
    private CoreHarness harness;

    @BeforeEach
    void start() {
        roster = new RosterModule();
        harness = CoreHarness.start(roster, new PresenceModule(roster));
        harness.createUser("alice");
        harness.createUser("bob");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private RosterItem stored(String user, String contact) throws Exception {
        Roster r = roster.service().roster(JidCreate.entityBareFrom(user + "@localhost")).get();
        return r.item(JidCreate.bareFrom(contact + "@localhost"));
    }

    @Test
    void handshakeBothWaysWithPresence() throws Exception {
        TestSession alice = harness.connect("alice", "a");
        TestSession bob = harness.connect("bob", "b");
        signIn(alice);
        signIn(bob);

        alice.send("<presence type='subscribe' to='bob@localhost'><status>hi, it is Alice</status></presence>");
        Element pending = pushedItem(alice.expect(push("bob@localhost")));
        assertThat(pending.attribute("subscription")).isEqualTo("none");
        assertThat(pending.attribute("ask")).isEqualTo("subscribe");
        Stanza request = bob.expect(presence("subscribe", "alice@localhost"));
        assertThat((Object) request.to()).hasToString("bob@localhost");
        assertThat(PresenceTestSupport.status(request)).isEqualTo("hi, it is Alice");
        // A pending inbound request is not a roster item of bob's.
        bob.expectNothing(push("alice@localhost"), Duration.ofMillis(200));

        bob.send("<presence type='subscribed' to='alice@localhost'/>");
        assertThat(pushedItem(bob.expect(push("alice@localhost"))).attribute("subscription")).isEqualTo("from");
        alice.expect(presence("subscribed", "bob@localhost"));
        Element to = pushedItem(alice.expect(s -> push("bob@localhost").test(s)
                && "to".equals(pushedItem(s).attribute("subscription"))));
        assertThat(to.attribute("ask")).isNull();
        // Approving sends bob's current presence to his new subscriber.
        alice.expect(available("bob@localhost/b"));

        // The other way round makes both.
        subscribe(bob, alice);
        assertThat(stored("alice", "bob").subscription()).isEqualTo(Subscription.BOTH);
        assertThat(stored("bob", "alice").subscription()).isEqualTo(Subscription.BOTH);
        bob.expect(available("alice@localhost/a"));
    }

    @Test
    void requestToAnOfflineContactIsDeliveredAtItsNextSignIn() throws Exception {
        TestSession alice = harness.connect("alice", "a");
        signIn(alice);
        alice.send("<presence type='subscribe' to='bob@localhost'><nick xmlns='http://jabber.org/protocol/nick'>Al</nick></presence>");
        alice.expect(push("bob@localhost"));
        // Stored as pending-in, complete with its extension.
        RosterItem pending = awaitItem("bob", "alice");
        assertThat(pending.pendingIn()).isTrue();
        assertThat(pending.listed()).isFalse();

        TestSession bob = harness.connect("bob", "b");
        bob.send("<iq type='get' id='r'><query xmlns='jabber:iq:roster'/></iq>");
        Stanza rosterResult = bob.expect(s -> "r".equals(s.id()));
        assertThat(rosterResult.element().elements().get(0).elements()).isEmpty();
        bob.expectNothing(presence("subscribe", "alice@localhost"), Duration.ofMillis(200));
        bob.send("<presence/>");
        Stanza request = bob.expect(presence("subscribe", "alice@localhost"));
        assertThat(request.element().child("nick", "http://jabber.org/protocol/nick")).isPresent();

        bob.send("<presence type='subscribed' to='alice@localhost'/>");
        alice.expect(presence("subscribed", "bob@localhost"));
        alice.expect(available("bob@localhost/b"));
        assertThat(stored("bob", "alice").subscription()).isEqualTo(Subscription.FROM);
        assertThat(stored("bob", "alice").pendingIn()).isFalse();
    }

    private RosterItem awaitItem(String user, String contact) throws Exception {
        for (int i = 0; i < 100; i++) {
            RosterItem item = stored(user, contact);
            if (item != null) {
                return item;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no roster row " + user + " → " + contact);
    }

    @Test
    void preApprovalAnswersTheRequestWithoutAskingTheContact() throws Exception {
        TestSession alice = harness.connect("alice", "a");
        TestSession bob = harness.connect("bob", "b");
        signIn(alice);
        signIn(bob);

        bob.send("<presence type='subscribed' to='alice@localhost'/>");
        Element approved = pushedItem(bob.expect(push("alice@localhost")));
        assertThat(approved.attribute("approved")).isEqualTo("true");
        assertThat(approved.attribute("subscription")).isEqualTo("none");
        // §3.4.2: the pre-approval is not routed to alice.
        alice.expectNothing(presence("subscribed", "bob@localhost"), Duration.ofMillis(200));

        alice.send("<presence type='subscribe' to='bob@localhost'/>");
        alice.expect(presence("subscribed", "bob@localhost"));
        alice.expect(available("bob@localhost/b"));
        Element from = pushedItem(bob.expect(s -> push("alice@localhost").test(s)
                && "from".equals(pushedItem(s).attribute("subscription"))));
        assertThat(from.attribute("approved")).isNull();
        bob.expectNothing(presence("subscribe", "alice@localhost"), Duration.ofMillis(200));
    }

    @Test
    void unsubscribeAndUnsubscribedUpdateBothRosters() throws Exception {
        TestSession alice = harness.connect("alice", "a");
        TestSession bob = harness.connect("bob", "b");
        signIn(alice);
        signIn(bob);
        subscribe(alice, bob);
        subscribe(bob, alice);

        // alice stops receiving bob's presence: both → from for alice, both → to for bob.
        alice.send("<presence type='unsubscribe' to='bob@localhost'/>");
        bob.expect(presence("unsubscribe", "alice@localhost"));
        alice.expect(unavailableFrom("bob@localhost/b"));
        bob.expect(s -> push("alice@localhost").test(s) && "to".equals(pushedItem(s).attribute("subscription")));
        assertThat(stored("alice", "bob").subscription()).isEqualTo(Subscription.FROM);

        // alice cancels bob's subscription to her: nothing left either way.
        alice.send("<presence type='unsubscribed' to='bob@localhost'/>");
        bob.expect(presence("unsubscribed", "alice@localhost"));
        bob.expect(unavailableFrom("alice@localhost/a"));
        bob.expect(s -> push("alice@localhost").test(s) && "none".equals(pushedItem(s).attribute("subscription")));
        assertThat(stored("alice", "bob").subscription()).isEqualTo(Subscription.NONE);
        assertThat(stored("bob", "alice").subscription()).isEqualTo(Subscription.NONE);

        // alice's presence no longer reaches bob.
        bob.drain();
        alice.send("<presence><show>away</show></presence>");
        bob.expectNothing(PresenceTestSupport.anyPresenceFrom("alice@localhost"), Duration.ofMillis(300));
    }

    @Test
    void removingAnItemEndsBothSubscriptions() throws Exception {
        TestSession alice = harness.connect("alice", "a");
        TestSession bob = harness.connect("bob", "b");
        signIn(alice);
        signIn(bob);
        subscribe(alice, bob);
        subscribe(bob, alice);

        alice.send("<iq type='set' id='rm'><query xmlns='jabber:iq:roster'><item jid='bob@localhost' subscription='remove'/></query></iq>");
        alice.expect(s -> "rm".equals(s.id()));
        bob.expect(presence("unsubscribe", "alice@localhost"));
        bob.expect(presence("unsubscribed", "alice@localhost"));
        bob.expect(s -> push("alice@localhost").test(s) && "none".equals(pushedItem(s).attribute("subscription")));
        assertThat(stored("alice", "bob")).isNull();
        assertThat(stored("bob", "alice").subscription()).isEqualTo(Subscription.NONE);
    }

    @Test
    void requestToNobodyIsAnsweredUnsubscribed() {
        TestSession alice = harness.connect("alice", "a");
        signIn(alice);
        alice.send("<presence type='subscribe' to='nobody@localhost'/>");
        alice.expect(presence("unsubscribed", "nobody@localhost"));
        alice.expect(s -> push("nobody@localhost").test(s) && pushedItem(s).attribute("ask") == null);
    }

    static java.util.function.Predicate<Stanza> unavailableFrom(String full) {
        return presence("unavailable", full);
    }
}
