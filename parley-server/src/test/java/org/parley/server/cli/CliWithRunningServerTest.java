package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.admin.LocalAdminFiles;
import org.parley.server.http.AdminApiFixture;
import org.parley.server.testing.TestSession;
import org.parley.xml.StreamErrorCondition;

/**
 * The CLI while a server runs on the data directory: it finds the API address and token there and
 * goes through the REST API. The served core's database is in memory, so a change is visible to
 * it only if the CLI really used the API (a local write would create a file database instead).
 */
class CliWithRunningServerTest {

    @TempDir
    Path dataDir;

    private AdminApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new AdminApiFixture();
        new LocalAdminFiles(dataDir).publish(api.tokens, api.listener.localAddress());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void userCommandsGoThroughTheApi() {
        CliRun added = CliRun.run(dataDir, "user", "add", "alice", "secret");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(api.harness.accounts().exists("alice").join()).isTrue();
        assertThat(Files.exists(dataDir.resolve("parley.mv.db"))).isFalse();

        CliRun taken = CliRun.run(dataDir, "user", "add", "alice", "again");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("already exists");

        assertThat(CliRun.run(dataDir, "user", "passwd", "alice", "new").exitCode()).isZero();
        assertThat(api.harness.accounts().verifyPassword("alice", "new").toCompletableFuture().join()).isTrue();
        assertThat(CliRun.run(dataDir, "user", "passwd", "nobody", "x").exitCode()).isEqualTo(1);
        assertThat(CliRun.run(dataDir, "user", "list").lines()).containsExactly("alice");

        CliRun invalid = CliRun.run(dataDir, "user", "add", "a@b", "pw");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.err()).contains("a@b");
    }

    @Test
    void deletingAUserThroughTheCliEndsItsSessions() {
        api.harness.createUser("bob");
        TestSession session = api.harness.connect("bob", "laptop");
        CliRun deleted = CliRun.run(dataDir, "user", "delete", "bob");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(session::isClosed);
        assertThat(session.closedWith()).isEqualTo(StreamErrorCondition.NOT_AUTHORIZED);
        assertThat(CliRun.run(dataDir, "user", "delete", "bob").exitCode()).isEqualTo(1);
    }

    @Test
    void tokenCreateGoesThroughTheApi() {
        CliRun r = CliRun.run(dataDir, "token", "create");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(1);
        assertThat(api.tokens.isValid(r.lines().get(0))).isTrue();
        assertThat(api.tokens.scopes(r.lines().get(0))).contains(java.util.Set.of(org.parley.server.admin.TokenScope.ADMIN));
    }

    @Test
    void scopedTokenCreateGoesThroughTheApi() {
        CliRun r = CliRun.run(dataDir, "token", "create", "--scope", "presence:read", "--scope", "presence:write");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(1);
        assertThat(api.tokens.scopes(r.lines().get(0))).contains(java.util.Set.of(
                org.parley.server.admin.TokenScope.PRESENCE_READ, org.parley.server.admin.TokenScope.PRESENCE_WRITE));
        assertThat(CliRun.run(dataDir, "token", "create", "--scope", "root").exitCode()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsAClearError() throws Exception {
        Files.writeString(dataDir.resolve(LocalAdminFiles.TOKEN_FILE), "stale-token\n");
        CliRun r = CliRun.run(dataDir, "user", "list");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("refused the admin token");
    }

    @Test
    void aStaleAddressFallsBackToTheDatabase() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        Files.writeString(dataDir.resolve(LocalAdminFiles.API_FILE), "http://127.0.0.1:" + freePort + "\n");
        assertThat(CliRun.run(dataDir, "user", "add", "carol", "pw").exitCode()).isZero();
        assertThat(Files.exists(dataDir.resolve("parley.mv.db"))).isTrue();
        assertThat(api.harness.accounts().exists("carol").join()).isFalse();
    }
}
