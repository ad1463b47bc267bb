package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Ctrl-C / SIGTERM run {@code ParleyServer.close()} (ServeCommand's shutdown hook): connected
 * clients get a system-shutdown stream error, and messages the server took just before are
 * there after the restart (the second one's write starts only when the first is done, while
 * the server is already stopping).
 */
class ShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void clientsAreToldAndNothingTakenIsLost() throws Exception {
        EntityBareJid alice = JidCreate.entityBareFrom("alice@localhost");
        try (RunningServer first = RunningServer.start(dataDir)) {
            first.createUser("alice", "alice-pw");
            first.createUser("bob", "bob-pw");
            XMPPTCPConnection bob = first.signIn("bob", "bob-pw", "desk");
            AtomicReference<Exception> closedWith = new AtomicReference<>();
            bob.addConnectionListener(new ConnectionListener() {
                @Override
                public void connectionClosedOnError(Exception e) {
                    closedWith.set(e);
                }
            });

            Clients.chat(bob, alice, "sent just before the shutdown");
            Clients.chat(bob, alice, "and another one");
            // The answer to a later request on the same stream shows the server has taken the messages.
            assertThat(PingManager.getInstanceFor(bob).pingMyServer()).isTrue();
            first.server().close();

            await().atMost(Inbox.WAIT).until(() -> closedWith.get() != null);
            assertThat(closedWith.get()).isInstanceOfSatisfying(StreamErrorException.class, e ->
                    assertThat(e.getStreamError().getCondition()).isEqualTo(StreamError.Condition.system_shutdown));
        }

        try (RunningServer second = RunningServer.start(dataDir)) {
            XMPPTCPConnection aliceAgain = second.connection("alice", "alice-pw", "desk");
            Inbox inbox = Inbox.of(aliceAgain);
            aliceAgain.connect().login();
            Clients.available(aliceAgain);
            inbox.awaitBody("and another one");
            assertThat(inbox.bodies()).containsExactly("sent just before the shutdown", "and another one");
            for (Message stored : inbox.messages()) {
                assertThat(DelayInformation.from(stored)).isNotNull();
            }
        }
    }
}
