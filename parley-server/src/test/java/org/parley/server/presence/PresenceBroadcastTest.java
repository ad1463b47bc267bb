package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.presence.PresenceTestSupport.anyPresenceFrom;
import static org.parley.server.presence.PresenceTestSupport.available;
import static org.parley.server.presence.PresenceTestSupport.presence;
import static org.parley.server.presence.PresenceTestSupport.show;
import static org.parley.server.presence.PresenceTestSupport.signIn;
import static org.parley.server.presence.PresenceTestSupport.status;
import static org.parley.server.presence.PresenceTestSupport.subscribe;

import java.time.Duration;
import java.util.List;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.server.roster.RosterModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Stanza;

class PresenceBroadcastTest {

    private CoreHarness harness;
    private PresenceModule presenceModule;

    private void start(String... overrides) {
        RosterModule roster = new RosterModule();
        presenceModule = new PresenceModule(roster);
        harness = CoreHarness.start(List.of(overrides), roster, presenceModule);
        harness.createUser("alice");
        harness.createUser("bob");
        harness.createUser("carol");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void subscribersSeePresenceAndOthersDoNot() {
        start();
        TestSession alice = harness.connect("alice", "a");
        TestSession bob = harness.connect("bob", "b");
        TestSession carol = harness.connect("carol", "c");
        signIn(alice);
        signIn(bob);
        signIn(carol);
        subscribe(bob, alice);

        alice.send("<presence><show>away</show><status>lunch</status><priority>5</priority></presence>");
        Stanza seen = bob.expect(s -> available("alice@localhost/a").test(s) && "away".equals(show(s)));
        assertThat(status(seen)).isEqualTo("lunch");
        assertThat(seen.element().childText("priority", "jabber:client")).isEqualTo("5");
        // alice's own resource sees its presence too (§4.2.2).
        alice.expect(s -> available("alice@localhost/a").test(s) && "away".equals(show(s)));
        carol.expectNothing(anyPresenceFrom("alice@localhost"), Duration.ofMillis(300));

        alice.send("<presence type='unavailable'/>");
        bob.expect(presence("unavailable", "alice@localhost/a"));
        carol.expectNothing(anyPresenceFrom("alice@localhost"), Duration.ofMillis(200));
    }

    @Test
    void probeAtSignInReturnsContactsCurrentPresence() {
        start();
        TestSession alice = harness.connect("alice", "a");
        TestSession bob = harness.connect("bob", "b");
        signIn(alice);
        signIn(bob);
        subscribe(bob, alice);
        alice.send("<presence><show>dnd</show><status>focus</status></presence>");
        bob.expect(s -> available("alice@localhost/a").test(s) && "dnd".equals(show(s)));

        TestSession bob2 = harness.connect("bob", "phone");
        signIn(bob2);
        Stanza probed = bob2.expect(available("alice@localhost/a"));
        assertThat(show(probed)).isEqualTo("dnd");
        assertThat(status(probed)).isEqualTo("focus");
        // The new resource also learns its sibling's presence; the sibling is not probed again.
        bob2.expect(available("bob@localhost/b"));
        bob.expectNothing(s -> available("alice@localhost/a").test(s) && "dnd".equals(show(s)),
                Duration.ofMillis(200));
    }

    @Test
    void probeOfAnOfflineContactAnswersUnavailable() {
        start();
        TestSession alice = harness.connect("alice", "a");
        TestSession bob = harness.connect("bob", "b");
        signIn(alice);
        signIn(bob);
        subscribe(bob, alice);
        alice.disconnect();
        bob.expect(presence("unavailable", "alice@localhost/a"));

        TestSession bob2 = harness.connect("bob", "laptop");
        signIn(bob2);
        bob2.expect(presence("unavailable", "alice@localhost"));
    }

    @Test
    void disconnectSendsUnavailableToSubscribersAndDirectedRecipients() {
        start();
        TestSession alice = harness.connect("alice", "a");
        TestSession bob = harness.connect("bob", "b");
        TestSession carol = harness.connect("carol", "c");
        signIn(alice);
        signIn(bob);
        signIn(carol);
        subscribe(bob, alice);

        // Directed presence reaches carol though she is not subscribed (§4.6).
        alice.send("<presence to='carol@localhost'><status>psst</status></presence>");
        Stanza directed = carol.expect(available("alice@localhost/a"));
        assertThat(status(directed)).isEqualTo("psst");

        alice.disconnect();
        bob.expect(presence("unavailable", "alice@localhost/a"));
        carol.expect(presence("unavailable", "alice@localhost/a"));
    }

    @Test
    void directedPresenceToAFullJidAndBack() {
        start();
        TestSession alice = harness.connect("alice", "a");
        TestSession carol = harness.connect("carol", "c");
        TestSession carol2 = harness.connect("carol", "d");
        signIn(alice);
        signIn(carol);
        signIn(carol2);
        alice.send("<presence to='carol@localhost/c'/>");
        carol.expect(available("alice@localhost/a"));
        carol2.expectNothing(anyPresenceFrom("alice@localhost"), Duration.ofMillis(200));
        alice.send("<presence type='unavailable' to='carol@localhost/c'/>");
        carol.expect(presence("unavailable", "alice@localhost/a"));
        // Once withdrawn, a later sign-out owes carol nothing more.
        alice.disconnect();
        carol.expectNothing(presence("unavailable", "alice@localhost/a"), Duration.ofMillis(200));
    }

    @Test
    void subscribersSeeTheComposedShowOnEveryResource() throws Exception {
        start();
        TestSession desk = harness.connect("alice", "desk");
        TestSession phone = harness.connect("alice", "phone");
        TestSession bob = harness.connect("bob", "b");
        signIn(desk);
        signIn(bob);
        subscribe(bob, desk);

        desk.send("<presence><show>away</show><status>idle</status></presence>");
        bob.expect(s -> available("alice@localhost/desk").test(s) && "away".equals(show(s)));
        phone.send("<presence><show>dnd</show><status>in a meeting</status>"
                + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v'/></presence>");
        // dnd from any device wins; both resources carry it, each keeping its own extensions.
        Stanza phoneSeen = bob.expect(s -> available("alice@localhost/phone").test(s));
        assertThat(show(phoneSeen)).isEqualTo("dnd");
        assertThat(status(phoneSeen)).isEqualTo("in a meeting");
        assertThat(phoneSeen.element().child("c", "http://jabber.org/protocol/caps")).isPresent();
        Stanza deskSeen = bob.expect(s -> available("alice@localhost/desk").test(s) && "dnd".equals(show(s)));
        assertThat(status(deskSeen)).isEqualTo("in a meeting");
        assertThat(deskSeen.element().child("c", "http://jabber.org/protocol/caps")).isEmpty();

        // Her own resources see each device's real presence.
        Stanza ownView = desk.expect(s -> available("alice@localhost/phone").test(s));
        assertThat(show(ownView)).isEqualTo("dnd");
        phone.expect(s -> available("alice@localhost/desk").test(s) && "away".equals(show(s)));

        assertThat(presenceModule.composed(JidCreate.entityBareFrom("alice@localhost")).get())
                .contains(new Availability(Show.DND, "in a meeting"));

        // The desk changes its status text, but the composed view (dnd from the phone) stays: no presence.
        bob.drain();
        desk.send("<presence><show>xa</show><status>gone home</status></presence>");
        desk.expect(s -> available("alice@localhost/desk").test(s) && "xa".equals(show(s)));
        bob.expectNothing(anyPresenceFrom("alice@localhost"), Duration.ofMillis(300));

        // The phone leaves: the desk's presence is recomposed from the desk alone.
        phone.send("<presence type='unavailable'/>");
        bob.expect(presence("unavailable", "alice@localhost/phone"));
        Stanza after = bob.expect(s -> available("alice@localhost/desk").test(s));
        assertThat(show(after)).isEqualTo("xa");
        assertThat(status(after)).isEqualTo("gone home");
    }

    @Test
    void noDuplicatePresenceWhenNothingVisibleChanged() {
        start();
        TestSession alice = harness.connect("alice", "a");
        TestSession bob = harness.connect("bob", "b");
        signIn(alice);
        signIn(bob);
        subscribe(bob, alice);
        alice.send("<presence><show>chat</show></presence>");
        bob.expect(s -> available("alice@localhost/a").test(s) && "chat".equals(show(s)));
        bob.drain();
        alice.send("<presence><show>chat</show></presence>");
        alice.expect(s -> available("alice@localhost/a").test(s) && "chat".equals(show(s)));
        bob.expectNothing(anyPresenceFrom("alice@localhost"), Duration.ofMillis(300));
    }

    @Test
    void sharingOffKeepsAvailabilityPrivateButSubscriptionsWork() {
        start("presence.sharing=false");
        TestSession alice = harness.connect("alice", "a");
        TestSession bob = harness.connect("bob", "b");
        signIn(alice);
        signIn(bob);
        subscribe(bob, alice);
        alice.send("<presence><show>away</show></presence>");
        alice.expect(s -> available("alice@localhost/a").test(s) && "away".equals(show(s)));
        TestSession bob2 = harness.connect("bob", "c");
        signIn(bob2);
        bob.expectNothing(anyPresenceFrom("alice@localhost"), Duration.ofMillis(300));
        bob2.expectNothing(anyPresenceFrom("alice@localhost"), Duration.ofMillis(100));
    }
}
