package org.parley.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.auth.SaslFailure;
import org.parley.server.auth.SaslMechanisms;
import org.parley.server.auth.SaslServerSession;
import org.parley.server.auth.SaslStep;
import org.parley.server.config.ConfigLoader;
import org.parley.server.config.ParleyConfig;
import org.parley.server.roster.RosterModule;
import org.parley.server.testing.CoreHarness;

/** Sign-in by LDAP bind against a real (in-memory) directory over TCP: results, outage, recovery, failover, TLS. */
class LdapAuthTest {

    @TempDir
    static java.nio.file.Path tmp;

    static TestDirectory primary;
    static TestDirectory secondary;

    @BeforeAll
    static void startDirectories() throws Exception {
        primary = TestDirectory.start(java.nio.file.Files.createDirectories(tmp.resolve("a")), 40);
        secondary = TestDirectory.start(java.nio.file.Files.createDirectories(tmp.resolve("b")), 40);
    }

    @AfterAll
    static void stopDirectories() {
        primary.close();
        secondary.close();
    }

    private record Fixture(CoreHarness harness, LdapDirectory directory, LdapCredentialSource source)
            implements AutoCloseable {
        @Override
        public void close() {
            directory.close();
            harness.close();
        }
    }

    private static Fixture fixture(String servers, String... more) {
        List<String> overrides = new ArrayList<>(primary.overrides(servers));
        overrides.add("ldap.auth=true");
        overrides.addAll(List.of(more));
        ParleyConfig config = new ConfigLoader().load(null, overrides);
        LdapDirectory directory = LdapDirectory.open(config.ldap());
        CoreHarness harness = CoreHarness.start(overrides, new RosterModule());
        LdapCredentialSource source = new LdapCredentialSource(directory, new DirectoryStore(harness.core().jdbc()),
                new VCards("localhost"), Clock.systemUTC(), harness.accounts());
        return new Fixture(harness, directory, source);
    }

    private static boolean verify(LdapCredentialSource source, String user, String password) throws Exception {
        return source.verifyPassword(user, password).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void directoryPasswordSignsInAndIsNeverStored() throws Exception {
        try (Fixture f = fixture(primary.ldapUrl())) {
            assertThat(verify(f.source(), "user0003", TestDirectory.password(3))).isTrue();
            DirectoryStore store = new DirectoryStore(f.harness().core().jdbc());
            UserRecord created = store.user("user0003").orElseThrow();
            assertThat(created.fromDirectory()).isTrue();
            assertThat(created.email()).isEqualTo("user0003@example.org");
            assertThat(f.harness().core().jdbc().query("SELECT username FROM scram_credentials WHERE username = ?",
                    rs -> rs.getString(1), "user0003")).isEmpty();

            assertThat(verify(f.source(), "user0003", "wrong")).isFalse();
            assertThat(verify(f.source(), "user0003", "")).isFalse();
            assertThat(verify(f.source(), "nobody", "x")).isFalse();
        }
    }

    @Test
    void onlyPlainIsOfferedAndOutageIsTemporaryFailureThenRecovers() throws Exception {
        try (Fixture f = fixture(primary.ldapUrl())) {
            SaslMechanisms mechanisms = new SaslMechanisms(f.source(), new SecureRandom());
            assertThat(mechanisms.offered(true, null)).containsExactly("PLAIN");
            assertThat(plain(mechanisms, "user0004", TestDirectory.password(4))).isInstanceOf(SaslStep.Success.class);

            primary.stop();
            try {
                assertThatThrownBy(() -> verify(f.source(), "user0004", TestDirectory.password(4)))
                        .isInstanceOf(ExecutionException.class);
                SaslStep step = plain(mechanisms, "user0004", TestDirectory.password(4));
                assertThat(step).isInstanceOf(SaslStep.Failure.class);
                assertThat(((SaslStep.Failure) step).condition()).isEqualTo(SaslFailure.TEMPORARY_AUTH_FAILURE);
            } finally {
                primary.restart();
            }
            assertThat(verify(f.source(), "user0004", TestDirectory.password(4))).isTrue();
        }
    }

    @Test
    void failsOverToTheSecondServer() throws Exception {
        try (Fixture f = fixture(primary.ldapUrl() + "," + secondary.ldapUrl())) {
            assertThat(verify(f.source(), "user0005", TestDirectory.password(5))).isTrue();
            primary.stop();
            try {
                assertThat(verify(f.source(), "user0005", TestDirectory.password(5))).isTrue();
                assertThat(verify(f.source(), "user0005", "wrong")).isFalse();
            } finally {
                primary.restart();
            }
        }
    }

    @Test
    void deactivatedUserIsRefused() throws Exception {
        try (Fixture f = fixture(primary.ldapUrl())) {
            assertThat(verify(f.source(), "user0006", TestDirectory.password(6))).isTrue();
            new DirectoryStore(f.harness().core().jdbc()).deactivate("user0006");
            assertThat(verify(f.source(), "user0006", TestDirectory.password(6))).isFalse();
        }
    }

    @Test
    void localAccountsStillSignInWhenTheDirectoryDoesNotKnowThem() throws Exception {
        try (Fixture f = fixture(primary.ldapUrl())) {
            f.harness().createUser("operator");
            assertThat(verify(f.source(), "operator", "secret-operator")).isTrue();
            assertThat(verify(f.source(), "operator", "wrong")).isFalse();
        }
    }

    @Test
    void ldapsAndStartTlsWithTheTestCertificate() throws Exception {
        try (Fixture f = fixture(primary.ldapsUrl())) {
            assertThat(verify(f.source(), "user0007", TestDirectory.password(7))).isTrue();
        }
        try (Fixture f = fixture(primary.ldapUrl(), "ldap.startTls=true")) {
            assertThat(verify(f.source(), "user0008", TestDirectory.password(8))).isTrue();
        }
    }

    @Test
    void untrustedCertificateIsAnOutageNotASuccess() throws Exception {
        try (Fixture f = fixture(primary.ldapsUrl(), "ldap.caCertificate=" + secondary.caCertificate())) {
            assertThatThrownBy(() -> verify(f.source(), "user0007", TestDirectory.password(7)))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    private static SaslStep plain(SaslMechanisms mechanisms, String user, String password) throws Exception {
        SaslServerSession session = mechanisms.start("PLAIN", true, null).orElseThrow();
        byte[] message = ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
        return session.evaluate(message).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
