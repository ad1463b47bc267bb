package org.parley.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.config.ConfigLoader;
import org.parley.server.config.ParleyConfig;
import org.parley.server.presence.PresenceModule;
import org.parley.server.roster.Roster;
import org.parley.server.roster.RosterItem;
import org.parley.server.roster.RosterModule;
import org.parley.server.roster.Subscription;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.server.vcard.JdbcVCardStore;
import org.parley.xml.Stanza;

/** Sync from a directory of 2,000 users in two mail domains: create, update, deactivate, reactivate, shared groups. */
class DirectorySyncTest {

    private static final int USERS = 2000;

    @TempDir
    Path tmp;

    private TestDirectory ldap;
    private LdapDirectory directory;
    private CoreHarness harness;
    private DirectoryModule module;
    private DirectoryStore store;

    @BeforeEach
    void start() throws Exception {
        ldap = TestDirectory.start(tmp, USERS);
        List<String> overrides = new ArrayList<>(ldap.overrides(ldap.ldapUrl()));
        overrides.add("ldap.groups.shared=Team Alpha");
        ParleyConfig config = new ConfigLoader().load(null, overrides);
        directory = LdapDirectory.open(config.ldap());
        RosterModule roster = new RosterModule();
        module = new DirectoryModule(roster, directory);
        harness = CoreHarness.start(overrides, roster, new PresenceModule(roster), module);
        store = new DirectoryStore(harness.core().jdbc());
    }

    @AfterEach
    void stop() {
        harness.close();
        directory.close();
        ldap.close();
    }

    private SyncReport sync() throws Exception {
        return module.syncNow().get(120, TimeUnit.SECONDS);
    }

    @Test
    void createsUpdatesDeactivatesAndReactivatesKeepingTheirData() throws Exception {
        SyncReport first = sync();
        assertThat(first.seen()).isEqualTo(USERS);
        assertThat(first.created()).isEqualTo(USERS);
        UserRecord u10 = store.user("user0010").orElseThrow();
        assertThat(u10.displayName()).isEqualTo("User Number 10");
        assertThat(u10.department()).isEqualTo("Sales");
        assertThat(u10.phone()).isEqualTo("+1 555 0010");
        assertThat(u10.directoryUri()).isEqualTo("user0010@example.com");
        assertThat(store.user("user0011").orElseThrow().email()).isEqualTo("user0011@example.org");
        assertThat(new JdbcVCardStore(harness.core().jdbc()).load("user0010").orElseThrow())
                .contains("<FN>User Number 10</FN>").contains("<ORGUNIT>Sales</ORGUNIT>")
                .contains("<NUMBER>+1 555 0010</NUMBER>");

        SyncReport again = sync();
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(USERS);

        ldap.server().modify(TestDirectory.dn(10), new Modification(ModificationType.REPLACE, "department", "Support"));
        // user0011 has a contact and an offline message; then leaves the directory.
        harness.core().jdbc().update("INSERT INTO roster_items (username, contact, subscription) VALUES (?, ?, 'both')",
                "user0011", "user0012@localhost");
        harness.core().jdbc().update("INSERT INTO offline_messages (username, stanza, stored_at) "
                + "VALUES (?, '<message/>', CURRENT_TIMESTAMP)", "user0011");
        TestSession online = harness.connect("user0011", "desk");
        ldap.server().delete(TestDirectory.dn(11));

        SyncReport changed = sync();
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.deactivated()).isEqualTo(1);
        assertThat(store.user("user0010").orElseThrow().department()).isEqualTo("Support");
        assertThat(store.user("user0011").orElseThrow().enabled()).isFalse();
        assertThat(harness.accounts().exists("user0011").get()).isFalse();
        assertThat(online.isClosed()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM roster_items WHERE username = ?", "user0011")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM offline_messages WHERE username = ?", "user0011")).isEqualTo(1);

        ldap.server().add(TestDirectory.userEntry(11).split("\n"));
        SyncReport back = sync();
        assertThat(back.updated()).isEqualTo(1);
        assertThat(store.user("user0011").orElseThrow().enabled()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM roster_items WHERE username = ?", "user0011")).isEqualTo(1);
    }

    @Test
    void bigGroupsAreReadThroughRangeRetrieval() throws Exception {
        DirectoryGroup all = directory.group("All Staff").orElseThrow();
        assertThat(all.memberDns()).hasSize(USERS).doesNotHaveDuplicates();
        assertThat(directory.group("No Such Group")).isEmpty();
    }

    @Test
    void sharedGroupMembersSeeEachOtherAndTheirPresence() throws Exception {
        ldap.server().modify("cn=Team Alpha,ou=groups," + TestDirectory.BASE,
                new Modification(ModificationType.DELETE, "member", TestDirectory.dn(4)));
        sync();
        Roster r1 = roster("user0001");
        assertThat(r1.listedItems()).extracting(i -> i.jid().toString())
                .containsExactlyInAnyOrder("user0002@localhost", "user0003@localhost");
        RosterItem item = r1.item(JidCreate.bareFrom("user0002@localhost"));
        assertThat(item.subscription()).isEqualTo(Subscription.BOTH);
        assertThat(item.groups()).containsExactly("Team Alpha");

        TestSession one = harness.connect("user0001", "desk");
        TestSession four = harness.connect("user0004", "desk");
        signIn(one);
        signIn(four);
        ldap.server().modify("cn=Team Alpha,ou=groups," + TestDirectory.BASE,
                new Modification(ModificationType.ADD, "member", TestDirectory.dn(4)));
        sync();
        // Both get the push and each other's presence, as with any mutual subscription.
        one.expect(s -> s.isIq() && s.toXml().contains("user0004@localhost") && s.toXml().contains("both"));
        one.expect(s -> s.isPresence() && s.type() == null && s.from().toString().startsWith("user0004@localhost"));
        four.expect(s -> s.isPresence() && s.type() == null && s.from().toString().startsWith("user0001@localhost"));
        assertThat(roster("user0004").listedItems()).hasSize(3);

        ldap.server().modify("cn=Team Alpha,ou=groups," + TestDirectory.BASE,
                new Modification(ModificationType.DELETE, "member", TestDirectory.dn(2)));
        sync();
        assertThat(roster("user0001").item(JidCreate.bareFrom("user0002@localhost"))).isNull();
        assertThat(roster("user0002").listedItems()).isEmpty();
    }

    private static void signIn(TestSession s) {
        s.send("<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
        s.expect(r -> r.isIq() && "r1".equals(r.id()));
        s.send("<presence/>");
        s.expect((Stanza p) -> p.isPresence() && s.jid().equals(p.from()));
    }

    private Roster roster(String user) throws Exception {
        return new org.parley.server.roster.RosterStore(harness.core().jdbc(), harness.core().domains().names())
                .load(JidCreate.entityBareFrom(user + "@localhost"));
    }

    private long count(String sql, String user) {
        return harness.core().jdbc().queryOne(sql, rs -> rs.getLong(1), user).orElseThrow();
    }
}
