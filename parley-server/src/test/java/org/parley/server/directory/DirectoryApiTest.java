package org.parley.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.config.ConfigLoader;
import org.parley.server.http.AdminApiFixture;

/** POST /api/v1/directory/sync: a report when the directory answers, 503 when it does not, 409 without one. */
class DirectoryApiTest {

    @TempDir
    Path tmp;

    @Test
    void syncOnDemand() throws Exception {
        try (TestDirectory ldap = TestDirectory.start(tmp, 50)) {
            List<String> overrides = ldap.overrides(ldap.ldapUrl());
            try (LdapDirectory directory = LdapDirectory.open(new ConfigLoader().load(null, overrides).ldap())) {
                try (AdminApiFixture api = new AdminApiFixture(overrides, directory)) {
                    HttpResponse<String> r = api.send("POST", "/api/v1/directory/sync", null, api.token);
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.body()).contains("\"created\":50").contains("\"deactivated\":0");
                    assertThat(api.harness.accounts().exists("user0049").get()).isTrue();

                    ldap.stop();
                    HttpResponse<String> down = api.send("POST", "/api/v1/directory/sync", null, api.token);
                    assertThat(down.statusCode()).isEqualTo(503);
                    // Nobody was deactivated by the failed sync.
                    assertThat(api.harness.accounts().exists("user0049").get()).isTrue();
                }
            }
        }
    }

    @Test
    void withoutADirectory() {
        try (AdminApiFixture api = new AdminApiFixture()) {
            HttpResponse<String> r = api.send("POST", "/api/v1/directory/sync", null, api.token);
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.body()).contains("ldap.servers");
        }
    }
}
