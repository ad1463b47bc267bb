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
}
