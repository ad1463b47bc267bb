package org.parley.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.config.ConfigLoader;
import org.parley.server.roster.RosterModule;
import org.parley.server.testing.CoreHarness;

/** ldap.sync.intervalSeconds: the server syncs by itself, and keeps syncing after the directory was down. */
class ScheduledSyncTest {

    @TempDir
    Path tmp;

    @Test
    void syncsOnScheduleAndRecoversFromAnOutage() throws Exception {
        try (TestDirectory ldap = TestDirectory.start(tmp, 20)) {
            List<String> overrides = new ArrayList<>(ldap.overrides(ldap.ldapUrl()));
            overrides.add("ldap.sync.intervalSeconds=1");
            try (LdapDirectory directory = LdapDirectory.open(new ConfigLoader().load(null, overrides).ldap())) {
                RosterModule roster = new RosterModule();
                try (CoreHarness harness = CoreHarness.start(overrides, roster,
                        new DirectoryModule(roster, directory))) {
                    DirectoryStore store = new DirectoryStore(harness.core().jdbc());
                    Awaitility.await().atMost(Duration.ofSeconds(30))
                            .until(() -> harness.accounts().exists("user0019").get());

                    // While the directory is down, scheduled passes fail and nobody is deactivated.
                    ldap.stop();
                    ldap.server().modify(TestDirectory.dn(3),
                            new Modification(ModificationType.REPLACE, "department", "Legal"));
                    Thread.sleep(2500);
                    assertThat(store.enabledDirectoryUsers()).hasSize(20);

                    ldap.restart();
                    Awaitility.await().atMost(Duration.ofSeconds(30))
                            .until(() -> "Legal".equals(store.user("user0003").orElseThrow().department()));
                    assertThat(store.enabledDirectoryUsers()).hasSize(20);
                }
            }
        }
    }
}
