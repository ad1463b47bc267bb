package org.parley.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.config.ConfigLoader;
import org.parley.server.directory.UserCheckReport.Source;
import org.parley.server.http.AdminApiFixture;
import org.parley.server.storage.Jdbc;

/**
 * Duplicate and invalid users in the users table (rows written before normalisation, or by
 * hand) and in a real directory (entries that collide after PRECIS, across mail domains), through
 * the admin API.
 */
class UserCheckTest {

    @TempDir
    Path tmp;

    @Test
    void findsDuplicatesAndInvalidUsersInTheTableAndTheDirectory() throws Exception {
        try (TestDirectory ldap = TestDirectory.start(tmp, 6)) {
            // Three spellings of one user ID: case, and fullwidth letters that PRECIS width-maps.
            ldap.server().add(entry("Alice One", "Alice", "alice@example.com"));
            ldap.server().add(entry("Alice Two", "alice", "alice@example.org"));
            ldap.server().add(entry("Alice Three", "\uff41\uff4c\uff49\uff43\uff45", "alice3@example.com"));
            // Two entries, two user IDs, one directory URI (differing in case).
            ldap.server().add(entry("Bob One", "bob1", "Bob@Example.com"));
            ldap.server().add(entry("Bob Two", "bob2", "bob@example.com"));
            ldap.server().add("dn: cn=No Id,ou=people," + TestDirectory.BASE, "objectClass: user", "cn: No Id",
                    "mail: noid@example.com");
            ldap.server().add("dn: cn=Bad Id,ou=people," + TestDirectory.BASE, "objectClass: user", "cn: Bad Id",
                    "sAMAccountName: bad id", "mail: badid@example.com");
            ldap.server().add("dn: cn=No Mail,ou=people," + TestDirectory.BASE, "objectClass: user", "cn: No Mail",
                    "sAMAccountName: nomail");

            List<String> overrides = ldap.overrides(ldap.ldapUrl());
            try (LdapDirectory directory = LdapDirectory.open(new ConfigLoader().load(null, overrides).ldap())) {
                try (AdminApiFixture api = new AdminApiFixture(overrides, directory)) {
                    Jdbc jdbc = api.harness.core().jdbc();
                    // Rows as an old import or a hand edit might have left them.
                    for (String name : List.of("Carol", "carol", "\uff43\uff41\uff52\uff4f\uff4c", "bad user")) {
                        jdbc.update("INSERT INTO users (username, created_at) VALUES (?, CURRENT_TIMESTAMP)", name);
                    }
                    jdbc.update("UPDATE users SET directory_uri = 'Carol@Example.com' WHERE username = 'carol'");
                    jdbc.update("UPDATE users SET directory_uri = 'carol@example.com' WHERE username = 'Carol'");

                    UserCheckReport report = new UserCheck(new DirectoryStore(jdbc), directory,
                            api.harness.core().config().ldap().mapping()).run();
                    assertThat(report.duplicates()).extracting(d -> d.source() + " " + d.kind() + " " + d.key())
                            .containsExactlyInAnyOrder("USERS userId carol", "USERS directoryUri carol@example.com",
                                    "DIRECTORY userId alice", "DIRECTORY directoryUri bob@example.com");
                    assertThat(report.duplicates()).filteredOn(d -> d.key().equals("alice")).singleElement()
                            .satisfies(d -> assertThat(d.entries()).hasSize(3));
                    assertThat(report.invalid()).extracting(i -> i.source() + " " + i.entry())
                            .contains("USERS bad user", "USERS Carol",
                                    "DIRECTORY cn=No Id,ou=people," + TestDirectory.BASE,
                                    "DIRECTORY cn=Bad Id,ou=people," + TestDirectory.BASE,
                                    "DIRECTORY cn=No Mail,ou=people," + TestDirectory.BASE);
                    assertThat(report.invalid()).filteredOn(i -> i.source() == Source.DIRECTORY
                            && i.entry().startsWith("cn=No Mail")).singleElement()
                            .satisfies(i -> assertThat(i.reason()).contains("missing mapped attribute mail"));

                    HttpResponse<String> r = api.send("GET", "/api/v1/users/check", null);
                    assertThat(r.statusCode()).isEqualTo(200);
                    JsonNode json = api.json(r);
                    assertThat(json.get("duplicates")).hasSize(4);
                    assertThat(json.get("invalid")).hasSize(report.invalid().size());

                    ldap.stop();
                    assertThat(api.send("GET", "/api/v1/users/check", null).statusCode()).isEqualTo(503);
                }
            }
        }
    }

    @Test
    void withoutADirectoryOnlyTheTableIsChecked() {
        try (AdminApiFixture api = new AdminApiFixture()) {
            api.harness.createUser("alice");
            HttpResponse<String> r = api.send("GET", "/api/v1/users/check", null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"duplicates\":[],\"invalid\":[]}");
        }
    }

    private static String[] entry(String cn, String sam, String mail) {
        return new String[] {"dn: cn=" + cn + ",ou=people," + TestDirectory.BASE, "objectClass: user", "cn: " + cn,
                "sAMAccountName: " + sam, "mail: " + mail};
    }
}
