package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.admin.LocalAdminFiles;
import org.parley.server.config.ConfigLoader;
import org.parley.server.directory.LdapDirectory;
import org.parley.server.directory.TestDirectories;
import org.parley.server.http.AdminApiFixture;

/** {@code parley directory sync}, without a server (on the database) and with one (through the API). */
class CliDirectorySyncTest {

    @TempDir
    Path tmp;

    private AutoCloseable ldap;
    private List<String> ldapOverrides;

    @BeforeEach
    void startDirectory() throws Exception {
        ldap = TestDirectories.start(tmp, 30);
        ldapOverrides = TestDirectories.overrides(ldap);
    }

    @AfterEach
    void stopDirectory() throws Exception {
        ldap.close();
    }

    private String[] args(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        for (String o : ldapOverrides) {
            all.add("--set");
            all.add(o);
        }
        return all.toArray(String[]::new);
    }

    @Test
    void withoutAServerTheSyncWritesTheDatabase() throws Exception {
        Path dataDir = Files.createDirectory(tmp.resolve("data"));
        CliRun r = CliRun.run(dataDir, args("directory", "sync"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Directory sync:").contains("seen=30").contains("created=30");
        assertThat(CliRun.run(dataDir, "user", "list").lines()).hasSize(30).contains("user0000", "user0029");

        CliRun again = CliRun.run(dataDir, args("directory", "sync"));
        assertThat(again.out()).contains("created=0").contains("unchanged=30");
    }

    @Test
    void withoutADirectoryItIsAClearError() throws Exception {
        CliRun r = CliRun.run(Files.createDirectory(tmp.resolve("data")), "directory", "sync");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("ldap.servers").doesNotContain("Exception");
    }

    @Test
    void aDirectoryThatDoesNotAnswerIsAClearError() throws Exception {
        ldap.close();
        CliRun r = CliRun.run(Files.createDirectory(tmp.resolve("data")), args("directory", "sync"));
        assertThat(r.exitCode()).isEqualTo(1);
        // One line naming the cause, not a stack trace.
        assertThat(r.err()).startsWith("parley: the directory did not answer").doesNotContain("\tat ");
    }

    @Test
    void withARunningServerTheSyncGoesThroughTheApi() throws Exception {
        Path dataDir = Files.createDirectory(tmp.resolve("data"));
        try (LdapDirectory directory = LdapDirectory.open(new ConfigLoader().load(null, ldapOverrides).ldap())) {
            try (AdminApiFixture api = new AdminApiFixture(ldapOverrides, directory)) {
                new LocalAdminFiles(dataDir).publish(api.tokens, api.listener.localAddress());
                // No LDAP settings on the command line: the server's own directory does the work.
                CliRun r = CliRun.run(dataDir, "directory", "sync");
                assertThat(r.exitCode()).as(r.err()).isZero();
                assertThat(r.out()).contains("created=30");
                assertThat(api.harness.accounts().exists("user0029").get()).isTrue();
                assertThat(Files.exists(dataDir.resolve("parley.mv.db"))).isFalse();

                ((AutoCloseable) ldap).close();
                CliRun down = CliRun.run(dataDir, "directory", "sync");
                assertThat(down.exitCode()).isEqualTo(1);
                assertThat(down.err()).contains("did not answer");
            }
        }
    }
}
