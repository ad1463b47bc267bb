package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.parley.server.it.Clients.jid;

import java.nio.file.Path;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.server.testing.Databases;
import org.parley.server.testing.Databases.Engine;
import org.parley.server.testing.TestServer;

/** Rosters and offline messages are in the database: a server restarted on it still has them. */
class RestartTest {

    @TempDir
    Path h2Dir;

    private TestServer.Builder serverOn(Engine engine, String postgresUrl) {
        TestServer.Builder b = TestServer.builder().allModules();
        return engine == Engine.H2 ? b.h2File(h2Dir)
                : b.database(postgresUrl, Databases.POSTGRES_USER, Databases.POSTGRES_PASSWORD);
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void rosterAndOfflineMessagesSurviveARestart(Engine engine) throws Exception {
        String postgresUrl = engine == Engine.POSTGRES ? Databases.postgresUrl() : null;
        try (TestServer first = serverOn(engine, postgresUrl).start()) {
            first.createUser("alice");
            first.createUser("bob");
            XMPPTCPConnection alice = first.signIn("alice", "desk");
            XMPPTCPConnection bob = first.signIn("bob", "desk");
            Clients.available(alice);
            Clients.available(bob);
            Clients.befriend(alice, bob);
            alice.disconnect();
            await().atMost(Inbox.WAIT).until(() -> first.core().hubs().hub(jid(first, "alice")) == null);

            Clients.chat(bob, jid(first, "alice"), "while you were out (1)");
            Clients.chat(bob, jid(first, "alice"), "while you were out (2)");
            // The server answered a later request on the same stream, so it has taken both messages.
            assertThat(PingManager.getInstanceFor(bob).pingMyServer()).isTrue();
        }

        try (TestServer second = serverOn(engine, postgresUrl).start()) {
            XMPPTCPConnection alice = second.connection(second.startTlsConfig("alice", "desk").build());
            Inbox inbox = Inbox.of(alice);
            alice.connect().login();
            Roster roster = Roster.getInstanceFor(alice);
            roster.reloadAndWait();
            Clients.awaitSubscription(roster, jid(second, "bob"), ItemType.both);

            Clients.available(alice);
            inbox.awaitBody("while you were out (2)");
            assertThat(inbox.bodies()).containsExactly("while you were out (1)", "while you were out (2)");

            XMPPTCPConnection bob = second.signIn("bob", "desk");
            Roster bobRoster = Roster.getInstanceFor(bob);
            bobRoster.reloadAndWait();
            Clients.awaitSubscription(bobRoster, jid(alice), ItemType.both);
        }
    }
}
