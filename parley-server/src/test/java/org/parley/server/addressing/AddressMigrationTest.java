package org.parley.server.addressing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.ParleyCore;
import org.parley.server.account.AccountNames;
import org.parley.server.config.ConfigException;
import org.parley.server.directory.DirectoryStore;
import org.parley.server.directory.DirectoryUser;
import org.parley.server.directory.VCards;
import org.parley.server.domain.DomainStore;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.Databases;
import org.parley.server.testing.Databases.Engine;
import org.parley.xml.ElementParser;

/** Address-scheme migration and the start-up check, on H2 and PostgreSQL. */
class AddressMigrationTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final AccountNames NAMES = new AccountNames(JidCreate.domainBareFromOrThrowUnchecked("localhost"));

    static {
        ParleyCore.usePrecis();
    }

    private static DirectoryUser user(String id, String uri) {
        return new DirectoryUser("cn=" + id + ",ou=people,dc=corp,dc=test", id, id, id.toUpperCase(), null, null,
                null, uri, null);
    }

    private static String stanza(String xml) throws Exception {
        return ElementParser.parse(xml, 100_000).toXml();
    }

    /** Directory users alice, bob, carol (whose URI is in the default domain) and a local dave, with something stored everywhere. */
    private static void seed(Jdbc jdbc) throws Exception {
        new DirectoryStore(jdbc).upsert(List.of(user("alice", "alice@corp.example"), user("bob", "bob@sales.example"),
                user("carol", "carol@localhost")), new VCards("localhost"), NOW);
        jdbc.update("INSERT INTO users (username, created_at) VALUES ('dave', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO roster_items (username, contact, subscription) VALUES ('alice', 'bob@localhost', 'both')");
        jdbc.update("INSERT INTO roster_items (username, contact, subscription, pending_in, pending_in_stanza, listed) "
                + "VALUES ('dave', 'alice@localhost', 'none', TRUE, ?, FALSE)",
                stanza("<presence xmlns='jabber:client' type='subscribe' from='alice@localhost' to='dave@localhost'/>"));
        jdbc.update("INSERT INTO roster_versions (username, version) VALUES ('alice', 3)");
        jdbc.update("INSERT INTO offline_messages (username, stanza, stored_at) VALUES ('bob', ?, CURRENT_TIMESTAMP)",
                stanza("<message xmlns='jabber:client' type='chat' from='alice@localhost/desk' to='bob@localhost'>"
                        + "<body>hi</body></message>"));
        jdbc.update("INSERT INTO blocklist (username, blocked) VALUES ('dave', 'bob@localhost/phone')");
        jdbc.update("INSERT INTO blocklist (username, blocked) VALUES ('dave', 'alice@localhost')");
        jdbc.update("INSERT INTO private_storage (username, qname, payload) VALUES ('alice', '{x}y', '<y xmlns=\"x\"/>')");
        jdbc.update("INSERT INTO shared_group_members (group_name, username) VALUES ('Team', 'alice')");
        jdbc.update("INSERT INTO muc_rooms (name, title, description, public_room, members_only, moderated, "
                + "password_protected, password, max_users, non_anonymous, change_subject, allow_invites, allow_pm, "
                + "archive, created_at) VALUES ('team', 'Team', '', TRUE, FALSE, FALSE, FALSE, '', 0, FALSE, FALSE, "
                + "FALSE, 'anyone', TRUE, CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO muc_affiliations (room, jid, affiliation) VALUES ('team', 'alice@localhost', 'owner')");
        jdbc.update("INSERT INTO muc_messages (room, stanza_id, sent_at, nick, sender_jid, body, stanza) "
                + "VALUES ('team', 's1', CURRENT_TIMESTAMP, 'al', 'alice@localhost', 'hi', '<message/>')");
        jdbc.update("INSERT INTO presence_inputs (jid, kind, name, state) VALUES ('bob@localhost', 'phone', 'desk', 'busy')");
    }

    /** Every row of every table that names users, in a comparable form. */
    private static Map<String, List<String>> snapshot(Jdbc jdbc) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String table : List.of("users", "roster_items", "roster_versions", "offline_messages", "blocklist",
                "private_storage", "shared_group_members", "muc_affiliations", "muc_messages", "presence_inputs",
                "vcards")) {
            List<String> rows = new ArrayList<>(jdbc.query("SELECT * FROM " + table, rs -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getMetaData().getColumnName(i).toLowerCase()).append('=').append(rs.getString(i))
                            .append(' ');
                }
                return row.toString();
            }));
            rows.sort(null);
            out.put(table, rows);
        }
        return out;
    }

    private static String one(Jdbc jdbc, String sql, Object... params) {
        return jdbc.queryOne(sql, rs -> rs.getString(1), params).orElse(null);
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void migratesEveryStoredAddressAndBackAgain(Engine engine) throws Exception {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            seed(jdbc);
            Map<String, List<String>> before = snapshot(jdbc);
            AddressMigration migration = new AddressMigration(jdbc, NAMES);

            MigrationPlan plan = migration.migrate(AddressScheme.DIRECTORY_URI);
            assertThat(plan.ready()).isTrue();
            assertThat(plan.from()).isEqualTo(AddressScheme.USERID);
            assertThat(plan.unchanged()).isEqualTo(1); // carol's URI is in the default domain
            assertThat(plan.renames()).extracting(MigrationPlan.Rename::from, MigrationPlan.Rename::to)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("alice@localhost", "alice@corp.example"),
                            org.assertj.core.groups.Tuple.tuple("bob@localhost", "bob@sales.example"));

            assertThat(jdbc.query("SELECT username FROM users ORDER BY username", rs -> rs.getString(1)))
                    .containsExactly("alice@corp.example", "bob@sales.example", "carol", "dave");
            assertThat(one(jdbc, "SELECT contact FROM roster_items WHERE username = ?", "alice@corp.example"))
                    .isEqualTo("bob@sales.example");
            assertThat(one(jdbc, "SELECT pending_in_stanza FROM roster_items WHERE username = 'dave' AND contact = ?",
                    "alice@corp.example")).contains("from=\"alice@corp.example\"").contains("to=\"dave@localhost\"");
            assertThat(one(jdbc, "SELECT version FROM roster_versions WHERE username = ?", "alice@corp.example"))
                    .isEqualTo("3");
            assertThat(one(jdbc, "SELECT stanza FROM offline_messages WHERE username = ?", "bob@sales.example"))
                    .contains("from=\"alice@corp.example/desk\"").contains("to=\"bob@sales.example\"");
            assertThat(jdbc.query("SELECT blocked FROM blocklist ORDER BY blocked", rs -> rs.getString(1)))
                    .containsExactly("alice@corp.example", "bob@sales.example/phone");
            assertThat(one(jdbc, "SELECT payload FROM private_storage WHERE username = ?", "alice@corp.example")).isNotNull();
            assertThat(one(jdbc, "SELECT username FROM shared_group_members")).isEqualTo("alice@corp.example");
            assertThat(one(jdbc, "SELECT jid FROM muc_affiliations")).isEqualTo("alice@corp.example");
            assertThat(one(jdbc, "SELECT sender_jid FROM muc_messages")).isEqualTo("alice@corp.example");
            assertThat(one(jdbc, "SELECT jid FROM presence_inputs")).isEqualTo("bob@sales.example");
            assertThat(one(jdbc, "SELECT vcard FROM vcards WHERE username = ?", "alice@corp.example"))
                    .contains("<JABBERID>alice@corp.example</JABBERID>");
            assertThat(new AddressingStore(jdbc).recorded()).contains(AddressScheme.DIRECTORY_URI);
            assertThat(new DomainStore(jdbc).systemDomains()).extracting(Object::toString)
                    .containsExactly("corp.example", "sales.example");

            MigrationPlan back = migration.migrate(AddressScheme.USERID);
            assertThat(back.ready()).isTrue();
            assertThat(back.renames()).hasSize(2);
            assertThat(snapshot(jdbc)).isEqualTo(before);
            assertThat(new AddressingStore(jdbc).recorded()).contains(AddressScheme.USERID);
        }
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void unmappableUsersAreReportedAndNothingIsWritten(Engine engine) throws Exception {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            seed(jdbc);
            new DirectoryStore(jdbc).upsert(List.of(user("erin", null), user("fred", "Alice@Corp.Example"),
                    user("gina", "not a jid@@x")), new VCards("localhost"), NOW);
            Map<String, List<String>> before = snapshot(jdbc);

            MigrationPlan plan = new AddressMigration(jdbc, NAMES).migrate(AddressScheme.DIRECTORY_URI);
            assertThat(plan.ready()).isFalse();
            assertThat(plan.problems()).extracting(MigrationPlan.Problem::user)
                    .containsExactly("alice", "erin", "fred", "gina");
            assertThat(plan.problems().get(1).reason()).contains("no directory URI");
            assertThat(plan.problems().get(0).reason()).contains("alice@corp.example").contains("fred");
            assertThat(plan.problems().get(3).reason()).contains("not a valid JID");
            assertThat(snapshot(jdbc)).isEqualTo(before);
            assertThat(new AddressingStore(jdbc).recorded()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.parley.server.testing.Databases#engines")
    void switchingSchemesWithDirectoryUsersIsRefusedUntilMigrated(Engine engine) throws Exception {
        try (Database db = Databases.open(engine)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            AddressingStore store = new AddressingStore(jdbc);
            SchemeCheck check = new SchemeCheck(store);
            check.check(AddressScheme.USERID);
            assertThat(store.recorded()).contains(AddressScheme.USERID);
            // Nobody's address depends on the scheme yet: switching is free.
            check.check(AddressScheme.DIRECTORY_URI);
            check.check(AddressScheme.USERID);

            seed(jdbc);
            assertThatThrownBy(() -> check.check(AddressScheme.DIRECTORY_URI)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("3 directory user(s)")
                    .hasMessageContaining("parley addressing migrate --to directoryUri");
            assertThat(store.recorded()).contains(AddressScheme.USERID);

            new AddressMigration(jdbc, NAMES).migrate(AddressScheme.DIRECTORY_URI);
            check.check(AddressScheme.DIRECTORY_URI);
            assertThatThrownBy(() -> check.check(AddressScheme.USERID)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("set addressing.scheme back to directoryUri");
        }
    }
}
