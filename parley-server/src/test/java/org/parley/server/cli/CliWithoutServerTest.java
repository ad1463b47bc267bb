package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.admin.AdminTokenStore;
import org.parley.server.admin.AdminTokens;
import org.parley.server.config.ConfigLoader;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;

/** The CLI when no server runs: it works directly on the embedded database in the data directory. */
class CliWithoutServerTest {

    @TempDir
    Path dataDir;

    @Test
    void addListChangePasswordDeleteUsers() {
        CliRun added = CliRun.run(dataDir, "user", "add", "Alice", "secret");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("alice");
        assertThat(CliRun.run(dataDir, "user", "add", "bob", "pw").exitCode()).isZero();

        CliRun taken = CliRun.run(dataDir, "user", "add", "alice", "other");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("alice already exists").doesNotContain("Exception");

        assertThat(CliRun.run(dataDir, "user", "list").lines()).containsExactly("alice", "bob");

        assertThat(CliRun.run(dataDir, "user", "passwd", "alice", "new").exitCode()).isZero();
        CliRun noUser = CliRun.run(dataDir, "user", "passwd", "nobody", "new");
        assertThat(noUser.exitCode()).isEqualTo(1);
        assertThat(noUser.err()).contains("no user nobody");

        assertThat(CliRun.run(dataDir, "user", "delete", "alice").exitCode()).isZero();
        assertThat(CliRun.run(dataDir, "user", "delete", "alice").exitCode()).isEqualTo(1);
        assertThat(CliRun.run(dataDir, "user", "list").lines()).containsExactly("bob");
    }

    @Test
    void invalidUsernameIsAClearError() {
        CliRun r = CliRun.run(dataDir, "user", "add", "a@b", "pw");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("parley: ").contains("a@b").doesNotContain("Exception");
    }

    @Test
    void tokenCreatePrintsOnlyTheTokenAndStoresItsHash() {
        CliRun r = CliRun.run(dataDir, "token", "create", "--name", "ci");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.lines()).hasSize(1);
        String token = r.lines().get(0);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        try (Database db = Database.open(new ConfigLoader().load(null, List.of("dataDir=" + dataDir)))) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            AdminTokens tokens = new AdminTokens(new AdminTokenStore(jdbc), new SecureRandom(), Clock.systemUTC());
            assertThat(tokens.isValid(token)).isTrue();
            assertThat(jdbc.query("SELECT token_hash FROM admin_tokens", rs -> rs.getString(1)))
                    .hasSize(1).allSatisfy(hash -> assertThat(hash).hasSize(64).isNotEqualTo(token));
            assertThat(tokens.scopes(token)).contains(java.util.Set.of(org.parley.server.admin.TokenScope.ADMIN));
        }
        CliRun scoped = CliRun.run(dataDir, "token", "create", "--scope", "presence:read");
        assertThat(scoped.exitCode()).as(scoped.err()).isZero();
        assertThat(scoped.lines()).hasSize(1);
        try (Database db = Database.open(new ConfigLoader().load(null, List.of("dataDir=" + dataDir)))) {
            AdminTokens tokens = new AdminTokens(new AdminTokenStore(new Jdbc(db.dataSource())), new SecureRandom(),
                    Clock.systemUTC());
            assertThat(tokens.scopes(scoped.lines().get(0)))
                    .contains(java.util.Set.of(org.parley.server.admin.TokenScope.PRESENCE_READ));
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(CliRun.run(null).exitCode()).isEqualTo(2);
        assertThat(CliRun.run(dataDir, "user").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(dataDir, "user", "add", "only-a-name").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(dataDir, "user", "list", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(CliRun.run(dataDir, "frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void badConfigurationIsAnError() {
        CliRun r = CliRun.run(dataDir, "user", "list", "--set", "no.such.key=1");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("unknown configuration key: no.such.key");
        CliRun missing = CliRun.run(dataDir, "user", "list", "--config", dataDir.resolve("absent.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("absent.yaml");
    }

    @Test
    void versionAcceptsTheCommonOptions() {
        CliRun r = CliRun.run(dataDir, "version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("parley ");
    }
}
