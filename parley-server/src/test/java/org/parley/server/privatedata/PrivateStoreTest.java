package org.parley.server.privatedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.storage.StorageException;
import org.parley.server.testing.Databases;

class PrivateStoreTest {

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void fragmentsAreKeyedPerUserAndQualifiedName(Databases.Engine engine) {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            for (String user : new String[] {"alice", "bob"}) {
                jdbc.update("INSERT INTO users (username, enabled, created_at) VALUES (?, TRUE, ?)", user, Timestamp.from(Instant.now()));
            }
            PrivateStore store = new JdbcPrivateStore(jdbc);

            store.save("alice", Map.of("{urn:a}x", "<x xmlns=\"urn:a\">1</x>"));
            Map<String, String> two = new LinkedHashMap<>();
            two.put("{urn:a}x", "<x xmlns=\"urn:a\">2</x>");
            two.put("{urn:b}x", "<x xmlns=\"urn:b\"/>");
            store.save("alice", two);
            store.save("bob", Map.of("{urn:a}x", "<x xmlns=\"urn:a\">bob</x>"));

            assertThat(store.load("alice", "{urn:a}x")).contains("<x xmlns=\"urn:a\">2</x>");
            assertThat(store.load("alice", "{urn:b}x")).contains("<x xmlns=\"urn:b\"/>");
            assertThat(store.load("bob", "{urn:a}x")).contains("<x xmlns=\"urn:a\">bob</x>");
            assertThat(store.load("bob", "{urn:b}x")).isEmpty();

            // All or nothing: a failing row (no such user) leaves nothing behind.
            Map<String, String> failing = new LinkedHashMap<>();
            failing.put("{urn:c}y", "<y xmlns=\"urn:c\"/>");
            assertThatThrownBy(() -> store.save("nobody", failing)).isInstanceOf(StorageException.class);
            assertThat(store.load("nobody", "{urn:c}y")).isEmpty();

            jdbc.update("DELETE FROM users WHERE username = ?", "alice");
            assertThat(store.load("alice", "{urn:a}x")).isEmpty();
        }
    }
}
