package org.parley.server.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;

class VCardStoreTest {

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void saveReplaceLoadDeleteAndCascade(Databases.Engine engine) {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            jdbc.update("INSERT INTO users (username, enabled, created_at) VALUES (?, TRUE, ?)", "alice", Timestamp.from(Instant.now()));
            VCardStore store = new JdbcVCardStore(jdbc);

            assertThat(store.load("alice")).isEmpty();
            store.save("alice", "<vCard xmlns=\"vcard-temp\"><FN>A</FN></vCard>");
            store.save("alice", "<vCard xmlns=\"vcard-temp\"><FN>Ä – ☃</FN></vCard>");
            assertThat(store.load("alice")).contains("<vCard xmlns=\"vcard-temp\"><FN>Ä – ☃</FN></vCard>");

            assertThat(store.delete("alice")).isTrue();
            assertThat(store.delete("alice")).isFalse();
            assertThat(store.load("alice")).isEmpty();

            store.save("alice", "<vCard xmlns=\"vcard-temp\"/>");
            jdbc.update("DELETE FROM users WHERE username = ?", "alice");
            assertThat(store.load("alice")).isEmpty();
        }
    }
}
