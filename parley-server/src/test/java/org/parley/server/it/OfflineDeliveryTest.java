package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.it.Clients.jid;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.TestServer;

/** Offline IM (XEP-0160): stored while away, delivered in order with a XEP-0203 stamp, capped per user. */
class OfflineDeliveryTest {

    private static final int CAP = 3;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder().allModules().set("offline.maxMessagesPerUser=" + CAP).start();
        for (String user : List.of("alice", "bob", "carol")) {
            server.createUser(user);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void deliveredInOrderWithADelayStampAtSignIn() throws Exception {
        XMPPTCPConnection alice = server.signIn("alice", "desk");
        Inbox aliceInbox = Inbox.of(alice);
        List<String> sent = List.of("first", "second", "third");
        for (String body : sent) {
            Clients.chat(alice, jid(server, "bob"), body);
        }
        // The sender learns of no error: a sync after the sends proves none was queued for it.
        aliceInbox.sync();
        assertThat(aliceInbox.errors()).isEmpty();

        XMPPTCPConnection bob = server.connection(server.startTlsConfig("bob", "phone").build());
        Inbox bobInbox = Inbox.of(bob);
        bob.connect().login();
        Clients.available(bob);

        bobInbox.awaitBody("third");
        assertThat(bobInbox.bodies()).containsExactlyElementsOf(sent);
        for (Message m : bobInbox.messages()) {
            DelayInformation delay = DelayInformation.from(m);
            assertThat(delay).as("delay stamp on %s", m.getBody()).isNotNull();
            assertThat(delay.getFrom()).isEqualTo(server.domain().toString());
            assertThat((Object) m.getFrom().asBareJid()).isEqualTo(jid(alice));
        }
    }

    @Test
    void aFullStoreRefusesWithServiceUnavailable() throws Exception {
        XMPPTCPConnection alice = server.signIn("alice", "cap");
        Inbox aliceInbox = Inbox.of(alice);
        List<Message> sent = new ArrayList<>();
        for (int i = 1; i <= CAP + 1; i++) {
            sent.add(Clients.chat(alice, jid(server, "carol"), "note " + i));
        }

        Message refused = aliceInbox.awaitError(sent.get(CAP).getStanzaId());
        assertThat(refused.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
        aliceInbox.sync();
        assertThat(aliceInbox.errors()).hasSize(1);

        XMPPTCPConnection carol = server.connection(server.startTlsConfig("carol", "phone").build());
        Inbox carolInbox = Inbox.of(carol);
        carol.connect().login();
        Clients.available(carol);
        carolInbox.awaitBody("note " + CAP);
        carolInbox.sync();
        assertThat(carolInbox.bodies()).containsExactly("note 1", "note 2", "note 3");
    }
}
