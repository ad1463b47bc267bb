package org.parley.server.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;

class BlockStoreTest {

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void addRemoveClearAndLoadAll(Databases.Engine engine) {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            jdbc.update("INSERT INTO users (username, enabled, created_at) VALUES ('alice', TRUE, CURRENT_TIMESTAMP)");
            jdbc.update("INSERT INTO users (username, enabled, created_at) VALUES ('bob', TRUE, CURRENT_TIMESTAMP)");
            BlockStore store = new JdbcBlockStore(jdbc);

            store.add("alice", List.of("romeo@example.net", "example.org"));
            store.add("alice", List.of("romeo@example.net", "iago@example.net/x")); // re-blocking is not an error
            store.add("bob", List.of("alice@localhost"));
            assertThat(store.load("alice")).containsExactlyInAnyOrder("romeo@example.net", "example.org", "iago@example.net/x");
            assertThat(store.loadAll()).containsOnlyKeys("alice", "bob");

            store.remove("alice", List.of("example.org", "never@blocked"));
            assertThat(store.load("alice")).containsExactlyInAnyOrder("romeo@example.net", "iago@example.net/x");
            store.clear("alice");
            assertThat(store.load("alice")).isEmpty();
            assertThat(store.loadAll()).containsOnlyKeys("bob");

            jdbc.update("DELETE FROM users WHERE username = 'bob'");
            assertThat(store.loadAll()).isEmpty();
        }
    }
}
