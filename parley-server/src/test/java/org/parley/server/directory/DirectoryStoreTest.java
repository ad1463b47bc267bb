package org.parley.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;
import org.parley.server.testing.Databases.Engine;

/** The directory's view of the users table, on H2 and PostgreSQL. */
class DirectoryStoreTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final VCards VCARDS = new VCards("localhost");

    private static DirectoryUser user(String id, String dn, String name, String department) {
        return new DirectoryUser(dn, id, id, name, id + "@example.com", "+1 555 0100", department,
                id + "@example.com", null);
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void upsertCreatesUpdatesAndLeavesUnchanged(Engine engine) {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            DirectoryStore store = new DirectoryStore(jdbc);
            DirectoryUser alice = user("alice", "CN=Alice,OU=People,DC=corp,DC=test", "Alice A", "Sales");
            DirectoryUser bob = user("bob", "cn=Bob,ou=people,dc=corp,dc=test", "Bob B", "Support");

            assertThat(store.upsert(List.of(alice, bob), VCARDS, NOW))
                    .containsExactly(DirectoryStore.Outcome.CREATED, DirectoryStore.Outcome.CREATED);
            UserRecord stored = store.user("alice").orElseThrow();
            assertThat(stored.enabled()).isTrue();
            assertThat(stored.fromDirectory()).isTrue();
            assertThat(stored.dn()).isEqualTo("cn=alice,ou=people,dc=corp,dc=test");
            assertThat(stored.displayName()).isEqualTo("Alice A");
            assertThat(stored.directoryUri()).isEqualTo("alice@example.com");
            assertThat(jdbc.queryOne("SELECT vcard FROM vcards WHERE username = ?", rs -> rs.getString(1), "alice"))
                    .hasValueSatisfying(v -> assertThat(v).contains("<FN>Alice A</FN>"));

            assertThat(store.upsert(List.of(alice, user("bob", bob.dn(), "Bob B", "Sales")), VCARDS, NOW))
                    .containsExactly(DirectoryStore.Outcome.UNCHANGED, DirectoryStore.Outcome.UPDATED);
            assertThat(store.user("bob").orElseThrow().department()).isEqualTo("Sales");
            assertThat(store.all()).extracting(UserRecord::username).containsExactly("alice", "bob");
            assertThat(store.user("nobody")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void aLocalAccountIsAdoptedAndDeactivationKeepsTheRow(Engine engine) {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            jdbc.update("INSERT INTO users (username, created_at) VALUES ('carol', CURRENT_TIMESTAMP)");
            jdbc.update("INSERT INTO roster_items (username, contact, subscription) VALUES ('carol', 'x@localhost', 'both')");
            DirectoryStore store = new DirectoryStore(jdbc);
            assertThat(store.user("carol").orElseThrow().fromDirectory()).isFalse();
            assertThat(store.enabledDirectoryUsers()).isEmpty();

            String dn = "cn=Carol,ou=people,dc=corp,dc=test";
            assertThat(store.upsert(List.of(user("carol", dn, "Carol", "Ops")), VCARDS, NOW))
                    .containsExactly(DirectoryStore.Outcome.UPDATED);
            assertThat(store.user("carol").orElseThrow().fromDirectory()).isTrue();
            assertThat(store.enabledDirectoryUsers()).containsExactly("carol");
            // Group members name entries in any spelling of the DN.
            assertThat(store.usernameByDn("CN=carol, OU=People, DC=corp, DC=test")).contains("carol");

            assertThat(store.deactivate("carol")).isTrue();
            assertThat(store.deactivate("carol")).isFalse();
            assertThat(store.user("carol").orElseThrow().enabled()).isFalse();
            assertThat(store.enabledDirectoryUsers()).isEmpty();
            assertThat(store.usernameByDn(dn)).isEmpty();
            assertThat(jdbc.queryOne("SELECT COUNT(*) FROM roster_items WHERE username = 'carol'",
                    rs -> rs.getLong(1))).contains(1L);

            // A sync that finds the entry again reactivates it.
            assertThat(store.upsert(List.of(user("carol", dn, "Carol", "Ops")), VCARDS, NOW))
                    .containsExactly(DirectoryStore.Outcome.UPDATED);
            assertThat(store.user("carol").orElseThrow().enabled()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void sharedGroupMembersAreReplacedWholesale(Engine engine) {
        try (Database db = Databases.open(engine)) {
            DirectoryStore store = new DirectoryStore(new Jdbc(db.dataSource()));
            store.upsert(List.of(user("a", "cn=a", "A", null), user("b", "cn=b", "B", null),
                    user("c", "cn=c", "C", null)), VCARDS, NOW);
            store.replaceSharedGroupMembers("Team", Set.of("a", "b"));
            store.replaceSharedGroupMembers("Other", Set.of("c"));
            assertThat(store.sharedGroupMembers("Team")).containsExactlyInAnyOrder("a", "b");
            store.replaceSharedGroupMembers("Team", Set.of("b", "c"));
            assertThat(store.sharedGroupMembers("Team")).containsExactlyInAnyOrder("b", "c");
            assertThat(store.sharedGroupMembers("Other")).containsExactly("c");
            store.replaceSharedGroupMembers("Team", Set.of());
            assertThat(store.sharedGroupMembers("Team")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void searchMatchesCaseInsensitivelyEscapesWildcardsAndCaps(Engine engine) {
        try (Database db = Databases.open(engine)) {
            DirectoryStore store = new DirectoryStore(new Jdbc(db.dataSource()));
            store.upsert(List.of(user("anna", "cn=anna", "Anna Smith", "Sales_EU"),
                    user("andrew", "cn=andrew", "Andrew Smith", "Sales"),
                    user("zoe", "cn=zoe", "Zoe Jones", "Sales%")), VCARDS, NOW);
            store.deactivate("andrew");

            assertThat(store.search(null, "SMITH", null, null, 10)).extracting(UserRecord::username)
                    .containsExactly("anna");
            assertThat(store.search(null, null, null, "sales_", 10)).extracting(UserRecord::username)
                    .containsExactly("anna");
            assertThat(store.search(null, null, null, "%", 10)).extracting(UserRecord::username)
                    .containsExactly("zoe");
            assertThat(store.search("", null, "EXAMPLE.com", null, 10)).extracting(UserRecord::username)
                    .containsExactly("anna", "zoe");
            assertThat(store.search(null, null, null, null, 1)).hasSize(1);
        }
    }
}
