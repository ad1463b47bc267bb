package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.parley.server.it.Clients.jid;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.testing.TestServer;

/**
 * Issue 2, Storage: a database that goes away gives clients a clear error, the server keeps its
 * sessions (chat between online users needs no database), and it recovers when the database is
 * back. Runs on its own embedded PostgreSQL, which the test stops and starts again on the same
 * data directory and port.
 */
class DatabaseOutageTest {

    @TempDir
    Path pgData;

    private EmbeddedPostgres postgres(int port) throws Exception {
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setDataDirectory(pgData.resolve("pg"))
                .setCleanDataDirectory(false);
        return (port > 0 ? b.setPort(port) : b).start();
    }

    @Test
    void clearErrorsWhileAwaySessionsStayUpAndEverythingIsBackAfter() throws Exception {
        EmbeddedPostgres pg = postgres(0);
        int port = pg.getPort();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE parley");
        }
        try (TestServer server = TestServer.builder().allModules()
                .database(pg.getJdbcUrl("postgres", "parley"), "postgres", "postgres").start()) {
            for (String user : new String[] {"alice", "bob", "carol"}) {
                server.createUser(user);
            }
            XMPPTCPConnection alice = server.signIn("alice", "desk");
            XMPPTCPConnection bob = server.signIn("bob", "desk");
            Inbox bobInbox = Inbox.of(bob);
            Clients.available(alice);
            Clients.available(bob);
            Clients.befriend(alice, bob);
            Roster aliceRoster = Roster.getInstanceFor(alice);

            pg.close();

            assertThatThrownBy(() -> aliceRoster.createItem(jid(server, "carol"), "Carol", null))
                    .isInstanceOfSatisfying(XMPPErrorException.class, e -> {
                        assertThat(e.getStanzaError().getCondition())
                                .isEqualTo(StanzaError.Condition.internal_server_error);
                        assertThat(e.getStanzaError().getType()).isEqualTo(StanzaError.Type.WAIT);
                    });
            XMPPTCPConnection carol = server.connection(server.startTlsConfig("carol", "desk").build());
            assertThatThrownBy(() -> carol.connect().login())
                    .isInstanceOfSatisfying(SASLErrorException.class, e ->
                            assertThat(e.getSASLFailure().getSASLError()).isEqualTo(SASLError.temporary_auth_failure));
            assertThat(alice.isAuthenticated()).isTrue();
            Clients.chat(alice, bob.getUser(), "the database is down but we can talk");
            bobInbox.awaitBody("the database is down but we can talk");

            pg = postgres(port);

            await().atMost(Inbox.WAIT.multipliedBy(2)).ignoreExceptions().until(() -> {
                XMPPTCPConnection again = server.connection(server.startTlsConfig("carol", "desk").build());
                again.connect().login();
                return again.isAuthenticated();
            });
            aliceRoster.createItem(jid(server, "carol"), "Carol", null);
            aliceRoster.reloadAndWait();
            assertThat(aliceRoster.getEntry(jid(server, "carol"))).isNotNull();
            Clients.awaitSubscription(aliceRoster, jid(bob), ItemType.both);
            XMPPTCPConnection bobAgain = server.signIn("bob", "laptop");
            Roster bobRoster = Roster.getInstanceFor(bobAgain);
            bobRoster.reloadAndWait();
            Clients.awaitSubscription(bobRoster, jid(alice), ItemType.both);
        } finally {
            pg.close();
        }
    }
}
