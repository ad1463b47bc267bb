package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.admin.LocalAdminFiles;
import org.parley.server.config.ConfigLoader;
import org.parley.server.http.AdminApiFixture;
import org.parley.server.roster.RosterItem;
import org.parley.server.roster.RosterStore;
import org.parley.server.roster.Subscription;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.testing.TestSession;

/** {@code parley contacts export|import}: exact round trips in every format, bad files, with and without a server. */
class CliContactsTest {

    @TempDir
    Path tmp;

    private static final String HEADER = "user,jid,name,groups,subscription,ask,approved,pending_in,listed";

    private Path dataDir(String name, String... users) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(name));
        for (String u : users) {
            assertThat(CliRun.run(dir, "user", "add", u, "pw").exitCode()).isZero();
        }
        return dir;
    }

    private static void seed(Path dataDir) throws Exception {
        try (Database db = Database.open(new ConfigLoader().load(null, List.of("dataDir=" + dataDir)))) {
            RosterStore store = new RosterStore(new Jdbc(db.dataSource()), new org.parley.server.account.AccountNames(org.jxmpp.jid.impl.JidCreate.domainBareFromOrThrowUnchecked("localhost")));
            store.replace(JidCreate.entityBareFrom("alice@localhost"), List.of(
                    new RosterItem(JidCreate.bareFrom("bob@localhost"), "Bob, \"B\"", List.of("Work;Ops", "Friends"),
                            Subscription.BOTH, false, false, false, true, null),
                    new RosterItem(JidCreate.bareFrom("carol@example.org"), null, List.of(), Subscription.NONE,
                            true, false, true, true, null),
                    new RosterItem(JidCreate.bareFrom("dana@example.org"), null, List.of(), Subscription.NONE,
                            false, true, false, false,
                            "<presence xmlns=\"jabber:client\" from=\"dana@example.org\" to=\"alice@localhost\" "
                                    + "type=\"subscribe\"><status>please</status></presence>")), false);
            store.replace(JidCreate.entityBareFrom("bob@localhost"), List.of(
                    new RosterItem(JidCreate.bareFrom("alice@localhost"), "Alice", List.of(), Subscription.BOTH,
                            false, false, false, true, null)), false);
        }
    }

    @Test
    void exportThenImportRoundTripsExactlyWithoutAServer() throws Exception {
        Path source = dataDir("source", "alice", "bob", "zed");
        seed(source);
        for (String format : List.of("csv", "xml")) {
            CliRun exported = CliRun.run(source, "contacts", "export", "--format", format);
            assertThat(exported.exitCode()).as(exported.err()).isZero();
            Path file = tmp.resolve("all." + format);
            Files.writeString(file, exported.out());

            Path target = dataDir("target-" + format, "alice", "bob", "zed");
            CliRun imported = CliRun.run(target, "contacts", "import", file.toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            // CSV has no row for zed's empty list; XEP-0227 has a user element for it.
            assertThat(imported.out()).contains(format.equals("csv") ? "2 user(s)" : "3 user(s)");
            assertThat(CliRun.run(target, "contacts", "export", "--format", format).out()).isEqualTo(exported.out());
        }
        assertThat(Files.readString(tmp.resolve("all.csv"))).startsWith(HEADER)
                .contains("alice,dana@example.org,,,none,,false,true,false");
        assertThat(Files.readString(tmp.resolve("all.xml"))).contains("<status>please</status>");

        CliRun perUser = CliRun.run(source, "contacts", "export", "--format", "xml", "--per-user",
                tmp.resolve("per-user").toString(), "alice", "Bob");
        assertThat(perUser.exitCode()).as(perUser.err()).isZero();
        assertThat(tmp.resolve("per-user/alice.xml")).exists();
        assertThat(tmp.resolve("per-user/bob.xml")).exists();
        Path target = dataDir("target-per-user", "alice", "bob");
        assertThat(CliRun.run(target, "contacts", "import", tmp.resolve("per-user").toString()).exitCode()).isZero();
        assertThat(CliRun.run(target, "contacts", "export").out())
                .isEqualTo(CliRun.run(source, "contacts", "export", "alice", "bob").out());

        CliRun unknown = CliRun.run(source, "contacts", "export", "nobody");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no user nobody");
    }

    @Test
    void aBadFileIsReportedByLineAndNothingIsWrittenForTheFailedUser() throws Exception {
        Path dir = dataDir("data", "alice", "bob", "carol");
        seed(dir);
        String before = CliRun.run(dir, "contacts", "export", "bob").out();
        Path file = tmp.resolve("in.csv");
        Files.writeString(file, String.join("\n", HEADER,
                "carol,alice@localhost,Alice,,both,,false,false,true",
                "bob,zed@localhost,Zed,,both,,false,false,true",
                "bob,yan@localhost,Yan,,everything,,false,false,true",
                "nobody,alice@localhost,,,both,,false,false,true") + "\n");
        CliRun r = CliRun.run(dir, "contacts", "import", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(file + ":4: bob: subscription must be")
                .contains("nobody: no user nobody").contains("2 user(s) not imported");
        assertThat(r.out()).contains("1 user(s): carol");
        // bob's contacts are as they were: the valid row before the bad one was not written either.
        assertThat(CliRun.run(dir, "contacts", "export", "bob").out()).isEqualTo(before).doesNotContain("zed");
        assertThat(CliRun.run(dir, "contacts", "export", "carol").out()).contains("carol,alice@localhost,Alice");
    }

    @Test
    void withARunningServerOnlineUsersGetRosterPushes() throws Exception {
        Path dataDir = Files.createDirectory(tmp.resolve("data"));
        try (AdminApiFixture api = new AdminApiFixture()) {
            new LocalAdminFiles(dataDir).publish(api.tokens, api.listener.localAddress());
            api.harness.createUser("alice");
            api.harness.createUser("bob");
            TestSession alice = api.harness.connect("alice", "desk");
            alice.send("<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
            alice.expect(s -> s.isIq() && "r1".equals(s.id()));

            Path file = tmp.resolve("in.xml");
            Files.writeString(file, """
                    <server-data xmlns='urn:xmpp:pie:0'><host jid='localhost'><user name='alice'>
                      <query xmlns='jabber:iq:roster'>
                        <item jid='bob@localhost' name='Bob' subscription='both'><group>Team</group></item>
                      </query></user></host></server-data>
                    """);
            CliRun r = CliRun.run(dataDir, "contacts", "import", file.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            alice.expect(s -> s.isIq() && "set".equals(s.type()) && s.toXml().contains("bob@localhost")
                    && s.toXml().contains("Team"));

            CliRun exported = CliRun.run(dataDir, "contacts", "export", "alice");
            assertThat(exported.out()).contains("alice,bob@localhost,Bob,Team,both,,false,false,true");
            assertThat(Files.exists(dataDir.resolve("parley.mv.db"))).isFalse();

            // --replace removes what the file does not list, and the client hears of it.
            Path csv = tmp.resolve("in.csv");
            Files.writeString(csv, HEADER + "\nalice,carol@localhost,,,none,,false,false,true\n");
            CliRun replaced = CliRun.run(dataDir, "contacts", "import", "--replace", csv.toString());
            assertThat(replaced.exitCode()).as(replaced.err()).isZero();
            alice.expect(s -> s.isIq() && s.toXml().contains("bob@localhost") && s.toXml().contains("remove"));
            assertThat(CliRun.run(dataDir, "contacts", "export", "alice").lines())
                    .containsExactly(HEADER, "alice,carol@localhost,,,none,,false,false,true");
        }
    }
}
