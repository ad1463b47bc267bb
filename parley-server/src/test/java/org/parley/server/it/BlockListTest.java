package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.server.it.Clients.jid;

import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.Jid;
import org.parley.server.testing.TestServer;

/** Blocking (XEP-0191) through Smack's BlockingCommandManager: block, nothing gets through either way, unblock. */
class BlockListTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder().allModules().start();
        server.createUser("alice");
        server.createUser("mallory");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void blockedContactCannotReachTheUserUntilUnblocked() throws Exception {
        XMPPTCPConnection alice = server.signIn("alice", "desk");
        XMPPTCPConnection mallory = server.signIn("mallory", "desk");
        Inbox aliceInbox = Inbox.of(alice);
        Inbox malloryInbox = Inbox.of(mallory);
        Clients.available(alice);
        Clients.available(mallory);
        BlockingCommandManager blocking = BlockingCommandManager.getInstanceFor(alice);
        assertThat(blocking.isSupportedByServer()).isTrue();

        blocking.blockContacts(List.<Jid>of(jid(mallory)));
        // Smack's list follows the server's pushes, which may come just after the result.
        await().atMost(Inbox.WAIT).until(() -> blocking.getBlockList().equals(List.of(jid(mallory))));

        Message inbound = Clients.chat(mallory, jid(alice), "let me in");
        Message bounced = malloryInbox.awaitError(inbound.getStanzaId());
        assertThat(bounced.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
        Message outbound = Clients.chat(alice, jid(mallory), "oops, to a blocked contact");
        Message refused = aliceInbox.awaitError(outbound.getStanzaId());
        assertThat(refused.getError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
        aliceInbox.sync();
        malloryInbox.sync();
        assertThat(aliceInbox.bodies()).isEmpty();
        assertThat(malloryInbox.bodies()).isEmpty();

        blocking.unblockContacts(List.<Jid>of(jid(mallory)));
        await().atMost(Inbox.WAIT).until(() -> blocking.getBlockList().isEmpty());
        Clients.chat(mallory, jid(alice), "friends again?");
        aliceInbox.awaitBody("friends again?");
        Clients.chat(alice, jid(mallory), "friends again");
        malloryInbox.awaitBody("friends again");
    }
}
