package org.parley.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

class StartupRetryTest {

    @Test
    void aDatabaseThatComesUpWhileWeWaitIsMigrated() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        List<Server> started = new ArrayList<>();
        List<Duration> pauses = new ArrayList<>();
        // The database server starts during the first pause: the first attempt finds nobody listening.
        StartupRetry retry = new StartupRetry(Duration.ofSeconds(60), pause -> {
            pauses.add(pause);
            if (started.isEmpty()) {
                try {
                    started.add(Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, System::nanoTime);
        try (Database db = new Database(url, "sa", "", 2)) {
            retry.run("migrating", db::migrate);

            assertThat(pauses).containsExactly(StartupRetry.FIRST_PAUSE);
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
                assertThat(rs.next()).isTrue();
            }
        } finally {
            started.forEach(Server::stop);
        }
    }

    @Test
    void otherFailuresAreNotRetried() {
        List<Duration> pauses = new ArrayList<>();
        StartupRetry retry = new StartupRetry(Duration.ofSeconds(60), pauses::add, System::nanoTime);
        int[] attempts = {0};

        assertThatThrownBy(() -> retry.run("migrating", () -> {
            attempts[0]++;
            throw new IllegalStateException("checksum mismatch");
        })).hasMessage("checksum mismatch");
        assertThat(attempts[0]).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void givesUpWithTheLastFailureOnceTheBudgetIsSpent() {
        long[] now = {0};
        List<Duration> pauses = new ArrayList<>();
        StartupRetry retry = new StartupRetry(Duration.ofSeconds(10), pause -> {
            pauses.add(pause);
            now[0] += pause.toNanos();
        }, () -> now[0]);
        int[] attempts = {0};

        assertThatThrownBy(() -> retry.run("migrating", () -> {
            attempts[0]++;
            throw new IllegalStateException("wrapped", new SQLTransientConnectionException("timed out " + attempts[0]));
        })).hasRootCauseMessage("timed out 6");
        // 0.5 + 1 + 2 + 4 s, then capped at 5 s but only the 2.5 s left of the budget.
        assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofMillis(2500));
    }
}
