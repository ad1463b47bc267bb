package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.server.it.Clients.jid;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener.SubscribeAnswer;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.testing.TestServer;

/** RFC 6121 §3 subscriptions driven by Smack's roster: both ways, pending while offline, pre-approved. */
class SubscriptionHandshakeTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder().allModules().start();
        for (String user : List.of("alice", "bob", "carol", "dave", "erin", "frank")) {
            server.createUser(user);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void handshakeBothWaysEndsInBoth() throws Exception {
        XMPPTCPConnection alice = server.signIn("alice", "desk");
        XMPPTCPConnection bob = server.signIn("bob", "desk");
        Clients.available(alice);
        Clients.available(bob);

        Clients.befriend(alice, bob);

        Roster aliceRoster = Roster.getInstanceFor(alice);
        Roster bobRoster = Roster.getInstanceFor(bob);
        assertThat(aliceRoster.iAmSubscribedTo(jid(bob))).isTrue();
        assertThat(aliceRoster.isSubscribedToMyPresence(jid(bob))).isTrue();
        assertThat(bobRoster.iAmSubscribedTo(jid(alice))).isTrue();
        // Once subscribed each side sees the other available (probe answered / presence broadcast).
        await().atMost(Inbox.WAIT).until(() -> aliceRoster.getPresence(jid(bob)).isAvailable()
                && bobRoster.getPresence(jid(alice)).isAvailable());
    }

    @Test
    void requestToAnOfflineContactIsDeliveredAtItsNextSignIn() throws Exception {
        XMPPTCPConnection dave = server.signIn("dave", "desk");
        EntityBareJid carolJid = jid(server, "carol");
        Roster daveRoster = Roster.getInstanceFor(dave);
        daveRoster.createItemAndRequestSubscription(carolJid, "Carol", null);
        await().atMost(Inbox.WAIT).until(() -> {
            RosterEntry e = daveRoster.getEntry(carolJid);
            return e != null && e.isSubscriptionPending() && e.getType() == ItemType.none;
        });

        // Carol's client is ready for the request before it signs in, as a real client would be.
        XMPPTCPConnection carol = server.connection(server.startTlsConfig("carol", "phone").build());
        List<BareJid> asked = new CopyOnWriteArrayList<>();
        Roster.getInstanceFor(carol).addSubscribeListener((from, presence) -> {
            asked.add(from.asBareJid());
            return SubscribeAnswer.Approve;
        });
        carol.connect().login();
        Clients.available(carol);

        await().atMost(Inbox.WAIT).until(() -> asked.contains(jid(dave)));
        Clients.awaitSubscription(daveRoster, carolJid, ItemType.to);
        Clients.awaitSubscription(Roster.getInstanceFor(carol), jid(dave), ItemType.from);
        assertThat(asked).containsExactly(jid(dave));
    }

    @Test
    void preApprovedContactIsSubscribedWithoutAsking() throws Exception {
        XMPPTCPConnection erin = server.signIn("erin", "desk");
        XMPPTCPConnection frank = server.signIn("frank", "desk");
        Clients.available(erin);
        Roster erinRoster = Roster.getInstanceFor(erin);
        List<BareJid> erinAsked = new CopyOnWriteArrayList<>();
        erinRoster.addSubscribeListener((from, presence) -> {
            erinAsked.add(from.asBareJid());
            return null;
        });
        assertThat(erinRoster.isSubscriptionPreApprovalSupported()).isTrue();

        erinRoster.preApprove(jid(frank));
        await().atMost(Inbox.WAIT).until(() -> {
            RosterEntry e = erinRoster.getEntry(jid(frank));
            return e != null && e.isApproved() && e.getType() == ItemType.none;
        });

        Roster frankRoster = Roster.getInstanceFor(frank);
        frankRoster.createItemAndRequestSubscription(jid(erin), "Erin", null);
        Clients.awaitSubscription(frankRoster, jid(erin), ItemType.to);
        Clients.awaitSubscription(erinRoster, jid(frank), ItemType.from);
        // The server answered for Erin: her client never saw a request.
        Inbox.of(erin).sync();
        assertThat(erinAsked).isEmpty();
    }
}
