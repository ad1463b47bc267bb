package org.parley.server.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.storage.StorageException;
import org.parley.server.testing.Databases;
import org.parley.server.testing.Databases.Engine;

/** RosterStore.replace: the whole list in one transaction, on H2 and PostgreSQL. */
class RosterReplaceTest {

    private static RosterItem item(String jid, String name) throws Exception {
        return new RosterItem(JidCreate.bareFrom(jid), name, List.of("G"), Subscription.BOTH, false, false, false,
                true, null);
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void replacesAllOrNothing(Engine engine) throws Exception {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            jdbc.update("INSERT INTO users (username, created_at) VALUES ('alice', CURRENT_TIMESTAMP)");
            RosterStore store = new RosterStore(jdbc, new org.parley.server.account.AccountNames(org.jxmpp.jid.impl.JidCreate.domainBareFromOrThrowUnchecked("localhost")));
            EntityBareJid alice = JidCreate.entityBareFrom("alice@localhost");

            List<RosterChange> changes = store.replace(alice, List.of(item("bob@localhost", "Bob"),
                    item("carol@localhost", "Carol")), false);
            assertThat(changes).extracting(RosterChange::version).containsExactly(1L, 2L);
            assertThat(store.replace(alice, List.of(item("bob@localhost", "Bob")), false)).isEmpty();

            // A row the database refuses (a name longer than its column) undoes the rows before it.
            assertThatThrownBy(() -> store.replace(alice, List.of(item("dave@localhost", "Dave"),
                    item("erin@localhost", "x".repeat(5000))), false)).isInstanceOf(StorageException.class);
            Roster after = store.load(alice);
            assertThat(after.items()).extracting(i -> i.jid().toString())
                    .containsExactly("bob@localhost", "carol@localhost");
            assertThat(after.version()).isEqualTo(2);

            assertThat(store.replace(alice, List.of(item("carol@localhost", "C")), true))
                    .extracting(c -> c.contact().toString()).containsExactlyInAnyOrder("carol@localhost", "bob@localhost");
            assertThat(store.load(alice).items()).singleElement()
                    .satisfies(i -> assertThat(i.name()).isEqualTo("C"));
        }
    }
}
