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
 * clients get a system-shutdown stream error, and a message the server took just before is
 * there after the restart.
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
            // The answer to a later request on the same stream shows the server has taken the message.
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
            Message stored = inbox.awaitBody("sent just before the shutdown");
            assertThat(DelayInformation.from(stored)).isNotNull();
        }
    }
}
