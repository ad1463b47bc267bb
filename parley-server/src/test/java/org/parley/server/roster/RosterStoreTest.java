package org.parley.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;
import org.parley.server.testing.TestXml;
import org.parley.xml.Stanza;

class RosterStoreTest {

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void updatesRoundTripAndBumpTheVersion(Databases.Engine engine) throws Exception {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            jdbc.update("INSERT INTO users (username, enabled, created_at) VALUES (?, TRUE, ?)", "alice",
                    Timestamp.from(Instant.now()));
            RosterStore store = new RosterStore(jdbc, new org.parley.server.account.AccountNames(org.jxmpp.jid.impl.JidCreate.domainBareFromOrThrowUnchecked("localhost")));
            EntityBareJid alice = JidCreate.entityBareFrom("alice@localhost");
            BareJid bob = JidCreate.bareFrom("bob@localhost");
            assertThat(store.load(alice).version()).isZero();

            List<String> groups = List.of("Friends", "with\nnewline", "back\\slash");
            RosterChange added = store.update(alice, bob, i -> RosterItem.listed(bob).withNameAndGroups("Bob", groups)
                    .withPendingOut(true));
            assertThat(added.changed()).isTrue();
            assertThat(added.version()).isEqualTo(1);

            RosterItem loaded = store.load(alice).item(bob);
            assertThat(loaded).isEqualTo(added.after());
            assertThat(loaded.groups()).containsExactlyElementsOf(groups);

            // No change, no write and no new version.
            RosterChange same = store.update(alice, bob, i -> i);
            assertThat(same.changed()).isFalse();
            assertThat(same.version()).isEqualTo(1);

            String request = StoredStanza.encode(TestXml.stanza("<presence type='subscribe' from='carol@localhost'"
                    + " to='alice@localhost'><status>let me in</status></presence>"));
            BareJid carol = JidCreate.bareFrom("carol@localhost");
            store.update(alice, carol, i -> RosterItem.unlisted(carol).withPendingIn(true, request));
            Roster roster = store.load(alice);
            assertThat(roster.version()).isEqualTo(2);
            assertThat(roster.listedItems()).extracting(RosterItem::jid).containsExactly(bob);
            Stanza back = StoredStanza.decode(roster.item(carol).pendingInStanza());
            assertThat(back.element().childText("status", "jabber:client")).isEqualTo("let me in");

            // A row left with nothing in it is deleted.
            RosterChange gone = store.update(alice, carol, i -> i.withPendingIn(false, null));
            assertThat(gone.after()).isNull();
            assertThat(store.load(alice).item(carol)).isNull();
            assertThat(store.update(alice, bob, i -> null).version()).isEqualTo(4);
            assertThat(store.load(alice).listedItems()).isEmpty();
        }
    }

    @Test
    void groupsColumnRoundTrips() {
        List<String> groups = List.of("a", "b\\n", "\n", "");
        assertThat(RosterStore.GroupsColumn.decode(RosterStore.GroupsColumn.encode(groups))).isEqualTo(groups);
        assertThat(RosterStore.GroupsColumn.decode(null)).isEmpty();
    }
}
