package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.it.Clients.jid;

import java.util.List;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.TestServer;

/** Presence reaches subscribers (RFC 6121 §4) and nobody else. */
class PresenceVisibilityTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder().allModules().start();
        for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
            server.createUser(user);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void subscriberSeesPresenceAndAStrangerDoesNot() throws Exception {
        XMPPTCPConnection alice = server.signIn("alice", "desk");
        XMPPTCPConnection bob = server.signIn("bob", "desk");
        XMPPTCPConnection carol = server.signIn("carol", "desk");
        Inbox bobInbox = Inbox.of(bob);
        Inbox carolInbox = Inbox.of(carol);
        Clients.available(bob);
        Clients.available(carol);
        Clients.available(alice);
        Clients.befriend(alice, bob);

        Clients.available(alice, "in a meeting");
        bobInbox.awaitPresence(p -> p.getFrom().asBareJid().equals(jid(alice)) && p.isAvailable()
                && "in a meeting".equals(p.getStatus()));
        alice.disconnect();
        bobInbox.awaitPresence(p -> p.getFrom().asBareJid().equals(jid(alice))
                && p.getType() == Presence.Type.unavailable);

        carolInbox.sync();
        assertThat(carolInbox.presencesFrom(jid(alice))).isEmpty();
    }

    @Test
    void subscriberSigningInLaterIsToldWhoIsOnline() throws Exception {
        // Probes at sign-in (RFC 6121 §4.3): a contact who is already online shows up at once.
        XMPPTCPConnection dave = server.signIn("dave", "desk");
        XMPPTCPConnection erin = server.signIn("erin", "desk");
        Clients.available(dave, "here");
        Clients.available(erin);
        Clients.befriend(dave, erin);
        erin.disconnect();

        XMPPTCPConnection erinAgain = server.connection(server.startTlsConfig("erin", "phone").build());
        Inbox erinInbox = Inbox.of(erinAgain);
        erinAgain.connect().login();
        Clients.available(erinAgain);

        Presence seen = erinInbox.awaitPresence(p -> p.getFrom().asBareJid().equals(jid(dave)) && p.isAvailable());
        assertThat(seen.getStatus()).isEqualTo("here");
        XMPPTCPConnection carol = server.signIn("carol", "phone");
        Inbox carolInbox = Inbox.of(carol);
        Clients.available(carol);
        carolInbox.sync();
        assertThat(carolInbox.presencesFrom(jid(dave))).isEmpty();
        dave.disconnect();
    }
}
