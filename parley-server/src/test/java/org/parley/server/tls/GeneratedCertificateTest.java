package org.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The self-signed certificate keeps naming every served domain and service. */
class GeneratedCertificateTest {

    @TempDir
    Path dir;

    @Test
    void generatedAgainWhenTheNamesChangeAndOnlyThen() throws Exception {
        CertificateStore store = new CertificateStore(Clock.systemUTC(), new SecureRandom());
        List<String> names = new CopyOnWriteArrayList<>(List.of("localhost", "conference.localhost", "search.localhost"));
        GeneratedCertificate generated = new GeneratedCertificate(store, dir.resolve("c.pem"), dir.resolve("k.pem"),
                () -> List.copyOf(names));
        TlsIdentity first = generated.load();
        assertThat(CertificateNames.of(first.certificate()))
                .containsExactly("localhost", "conference.localhost", "search.localhost");
        assertThat(generated.load()).isEqualTo(first); // read back, not generated again
        ServerIdentities identities = ServerIdentities.of(first);

        generated.refresh(identities);
        assertThat(identities.main()).isSameAs(first);

        names.addAll(List.of("corp.example", "conference.corp.example", "search.corp.example"));
        generated.refresh(identities);
        assertThat(CertificateNames.of(identities.main().certificate())).contains("corp.example", "search.corp.example");
        assertThat(store.load(dir.resolve("c.pem"), dir.resolve("k.pem")).certificate())
                .isEqualTo(identities.main().certificate());

        names.removeAll(List.of("corp.example", "conference.corp.example", "search.corp.example"));
        generated.refresh(identities);
        assertThat(CertificateNames.of(identities.main().certificate())).doesNotContain("corp.example");
    }

    @Test
    void anOlderSingleDomainCertificateThatCoversTheNamesIsKept() throws Exception {
        CertificateStore store = new CertificateStore(Clock.systemUTC(), new SecureRandom());
        TlsIdentity old = store.loadOrGenerate(dir.resolve("c.pem"), dir.resolve("k.pem"), "localhost");
        // *.localhost covers both services.
        assertThat(store.loadOrGenerate(dir.resolve("c.pem"), dir.resolve("k.pem"),
                List.of("localhost", "conference.localhost", "search.localhost")).certificate())
                .isEqualTo(old.certificate());
        TlsIdentity more = store.loadOrGenerate(dir.resolve("c.pem"), dir.resolve("k.pem"),
                List.of("localhost", "conference.localhost", "corp.example"));
        assertThat(CertificateNames.of(more.certificate())).contains("corp.example");
        assertThat(CertificateStore.isSelfSigned(more.certificate())).isTrue();
    }

    @Test
    void wildcardsCoverOneLabelOnly() {
        List<String> names = List.of("example.com", "*.example.com");
        assertThat(CertificateNames.covers(names, "EXAMPLE.com")).isTrue();
        assertThat(CertificateNames.covers(names, "conference.example.com")).isTrue();
        assertThat(CertificateNames.covers(names, "a.b.example.com")).isFalse();
        assertThat(CertificateNames.covers(List.of("*.example.com"), "example.com")).isFalse();
    }
}
