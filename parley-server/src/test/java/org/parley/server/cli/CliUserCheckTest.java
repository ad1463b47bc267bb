package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.admin.LocalAdminFiles;
import org.parley.server.config.ConfigLoader;
import org.parley.server.http.AdminApiFixture;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;

/** {@code parley users check}: a table or JSON, on the database or through a running server. */
class CliUserCheckTest {

    @TempDir
    Path tmp;

    @Test
    void reportsAsATableOrJsonWithoutAServer() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("data"));
        assertThat(CliRun.run(dir, "users", "check").out()).isEqualTo("No duplicate or invalid users.\n");
        assertThat(CliRun.run(dir, "user", "add", "alice", "pw").exitCode()).isZero();
        try (Database db = Database.open(new ConfigLoader().load(null, List.of("dataDir=" + dir)))) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            for (String name : List.of("Alice", "\uff41\uff4c\uff49\uff43\uff45", "no way")) {
                jdbc.update("INSERT INTO users (username, created_at) VALUES (?, CURRENT_TIMESTAMP)", name);
            }
        }
        CliRun table = CliRun.run(dir, "users", "check");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.lines().get(0)).startsWith("PROBLEM").contains("SOURCE").contains("DETAILS");
        assertThat(table.lines()).anySatisfy(l -> assertThat(l).startsWith("duplicate").contains("userId alice")
                .contains("Alice").contains("\uff41\uff4c\uff49\uff43\uff45"));
        assertThat(table.lines()).anySatisfy(l -> assertThat(l).startsWith("invalid").contains("no way"));
        assertThat(table.lines()).last().isEqualTo("1 duplicate(s), 3 invalid user(s)");

        CliRun json = CliRun.run(dir, "users", "check", "--json");
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("duplicates")).hasSize(1);
        assertThat(report.get("duplicates").get(0).get("entries")).hasSize(3);
        assertThat(report.get("invalid")).hasSize(3);
    }

    @Test
    void withARunningServerTheCheckGoesThroughTheApi() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("data"));
        try (AdminApiFixture api = new AdminApiFixture()) {
            new LocalAdminFiles(dir).publish(api.tokens, api.listener.localAddress());
            api.harness.core().jdbc().update(
                    "INSERT INTO users (username, created_at) VALUES ('Bob', CURRENT_TIMESTAMP)");
            CliRun r = CliRun.run(dir, "users", "check", "--json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(new ObjectMapper().readTree(r.out()).get("invalid").get(0).get("entry").asText()).isEqualTo("Bob");
            assertThat(Files.exists(dir.resolve("parley.mv.db"))).isFalse();
        }
    }
}
