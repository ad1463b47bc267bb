package org.parley.server.muc.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.server.muc.Affiliation;
import org.parley.server.muc.RoomConfig;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;

/** The room store and archive on H2 and PostgreSQL (full-text search uses each engine's own way). */
class RoomStorageTest {

    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void roomsWithAffiliationsAreSavedReplacedAndDeleted(Databases.Engine engine) {
        try (Database db = Databases.open(engine)) {
            RoomStore store = new JdbcRoomStore(new Jdbc(db.dataSource()));
            RoomConfig.Builder b = RoomConfig.adHoc().toBuilder();
            b.persistent = true;
            b.name = "Team";
            b.description = "Release planning";
            b.membersOnly = true;
            b.passwordProtected = true;
            b.password = "pw";
            b.maxUsers = 50;
            b.allowPm = "moderators";
            StoredRoom room = new StoredRoom("team", b.build(), "Q3", "alice",
                    Map.of("alice@localhost", Affiliation.OWNER, "bob@localhost", Affiliation.MEMBER), T0);
            store.save(room);
            assertThat(store.load("team")).contains(room);

            StoredRoom changed = new StoredRoom("team", room.config(), "Q4", "bob",
                    Map.of("alice@localhost", Affiliation.OWNER, "carol@localhost", Affiliation.OUTCAST), T0);
            store.save(changed);
            assertThat(store.loadAll()).containsExactly(changed);

            assertThat(store.delete("team")).isTrue();
            assertThat(store.delete("team")).isFalse();
            assertThat(store.loadAll()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void archivePagesFiltersAndSearches(Databases.Engine engine) {
        try (Database db = Databases.open(engine)) {
            RoomArchive archive = new JdbcRoomArchive(new Jdbc(db.dataSource()));
            String[] bodies = {"Deploy tonight", "the build is green", "deploying now", "coffee?", "Deploy done"};
            for (int i = 0; i < bodies.length; i++) {
                String nick = i % 2 == 0 ? "Alice" : "Bob";
                archive.append(new ArchivedMessage("id" + i, "ops", T0.plus(i, ChronoUnit.MINUTES), nick,
                        nick.toLowerCase() + "@localhost", bodies[i], "<message xmlns='jabber:client'/>"));
            }
            archive.append(new ArchivedMessage("other", "elsewhere", T0, "X", "x@localhost", "Deploy", "<message/>"));

            assertThat(archive.latest("ops", 2)).extracting(ArchivedMessage::id).containsExactly("id3", "id4");

            ArchivePage first = archive.query(new ArchiveQuery("ops", null, null, null, null, null, null, null, false, 2));
            assertThat(first.messages()).extracting(ArchivedMessage::id).containsExactly("id0", "id1");
            assertThat(first.complete()).isFalse();
            assertThat(first.count()).isEqualTo(5);
            ArchivePage next = archive.query(new ArchiveQuery("ops", null, null, null, null, null, "id1", null, false, 3));
            assertThat(next.messages()).extracting(ArchivedMessage::id).containsExactly("id2", "id3", "id4");
            assertThat(next.complete()).isTrue();
            ArchivePage before = archive.query(new ArchiveQuery("ops", null, null, null, null, null, null, "id3", false, 2));
            assertThat(before.messages()).extracting(ArchivedMessage::id).containsExactly("id1", "id2");
            ArchivePage last = archive.query(new ArchiveQuery("ops", null, null, null, null, null, null, null, true, 1));
            assertThat(last.messages()).extracting(ArchivedMessage::id).containsExactly("id4");

            ArchivePage window = archive.query(new ArchiveQuery("ops", T0.plusSeconds(60), T0.plusSeconds(180), null, null,
                    null, null, null, false, 10));
            assertThat(window.messages()).extracting(ArchivedMessage::id).containsExactly("id1", "id2", "id3");
            ArchivePage bob = archive.query(new ArchiveQuery("ops", null, null, "Bob", null, null, null, null, false, 10));
            assertThat(bob.messages()).extracting(ArchivedMessage::id).containsExactly("id1", "id3");
            ArchivePage alice = archive.query(new ArchiveQuery("ops", null, null, null, "alice@localhost", null, null, null, false, 10));
            assertThat(alice.count()).isEqualTo(3);

            ArchivePage deploy = archive.query(new ArchiveQuery("ops", null, null, null, null, "deploy", null, null, false, 10));
            assertThat(deploy.messages()).extracting(ArchivedMessage::id).contains("id0", "id4").doesNotContain("id1", "id3");
            ArchivePage two = archive.query(new ArchiveQuery("ops", null, null, null, null, "GREEN build", null, null, false, 10));
            assertThat(two.messages()).extracting(ArchivedMessage::id).containsExactly("id1");
            ArchivePage wildcard = archive.query(new ArchiveQuery("ops", null, null, null, null, "%", null, null, false, 10));
            assertThat(wildcard.messages()).isEmpty();

            assertThatThrownBy(() -> archive.query(new ArchiveQuery("ops", null, null, null, null, null, "other", null, false, 2)))
                    .isInstanceOf(UnknownArchiveId.class);
            assertThat(archive.query(new ArchiveQuery("ops", null, null, null, null, null, null, null, false, 0)).messages()).isEmpty();
            assertThat(List.of(first, next)).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void registeredNicknamesAreStoredWithTheirMembersAndUniquePerRoom(Databases.Engine engine) {
        try (Database db = Databases.open(engine)) {
            RoomStore store = new JdbcRoomStore(new Jdbc(db.dataSource()));
            RoomConfig.Builder b = RoomConfig.adHoc().toBuilder();
            b.persistent = true;
            StoredRoom room = new StoredRoom("guild", b.build(), null, null,
                    Map.of("alice@localhost", Affiliation.OWNER, "bob@localhost", Affiliation.MEMBER,
                            "carol@localhost", Affiliation.MEMBER),
                    Map.of("alice@localhost", "Alice", "bob@localhost", "Bobby"), T0);
            store.save(room);
            assertThat(store.load("guild")).contains(room);
            assertThat(store.loadAll()).containsExactly(room);
            // Another room may have its own Bobby.
            store.save(new StoredRoom("other", b.build(), null, null, Map.of("dave@localhost", Affiliation.OWNER),
                    Map.of("dave@localhost", "Bobby"), T0));
            // One nickname, one user per room: the database refuses a second holder, and the room stays as it was.
            StoredRoom clash = new StoredRoom("guild", b.build(), null, null, room.affiliations(),
                    Map.of("bob@localhost", "Bobby", "carol@localhost", "Bobby"), T0);
            assertThatThrownBy(() -> store.save(clash)).isInstanceOf(org.parley.server.storage.StorageException.class);
            assertThat(store.load("guild")).contains(room);
        }
    }

    /**
     * PostgreSQL can answer the archive's full-text condition from the GIN index of
     * db/vendor/postgresql/V12 (the plan is forced off sequential scans, as on a large archive);
     * H2 migrates without it.
     */
    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void postgresqlSearchesTheArchiveThroughItsGinIndex(Databases.Engine engine) throws Exception {
        try (Database db = Databases.open(engine); java.sql.Connection c = db.dataSource().getConnection();
             java.sql.Statement st = c.createStatement()) {
            java.util.List<String> versions = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE success")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            assertThat(versions).contains("10", "11");
            if (engine == Databases.Engine.H2) {
                assertThat(versions).doesNotContain("12");
                return;
            }
            assertThat(versions).contains("12");
            try (java.sql.ResultSet rs = st.executeQuery(
                    "SELECT indexdef FROM pg_indexes WHERE indexname = 'muc_messages_body_fts'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).containsIgnoringCase("gin").contains("to_tsvector");
            }
            st.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            // The archive's own text condition (alone: which index serves a room filter as well is the planner's call
            // on real statistics); matching it shows that the index expression is exactly the query's.
            try (java.sql.ResultSet rs = st.executeQuery("EXPLAIN SELECT seq FROM muc_messages WHERE "
                    + "to_tsvector('simple', COALESCE(body, '')) @@ plainto_tsquery('simple', 'deploy')")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("muc_messages_body_fts");
        }
    }
}
