package org.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateStoreTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final CertificateStore store =
            new CertificateStore(Clock.fixed(NOW, ZoneOffset.UTC), new SecureRandom());

    @TempDir
    Path dir;

    @Test
    void generatesOnceThenReloadsTheSameCertificate() throws Exception {
        Path cert = dir.resolve("tls/server.crt");
        Path key = dir.resolve("tls/server.key");

        TlsIdentity first = store.loadOrGenerate(cert, key, "example.org");
        String certPem = Files.readString(cert);
        String keyPem = Files.readString(key);
        TlsIdentity second = store.loadOrGenerate(cert, key, "example.org");

        assertThat(Files.readString(cert)).isEqualTo(certPem);
        assertThat(Files.readString(key)).isEqualTo(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        assertThat(second.fingerprintSha256()).isEqualTo(first.fingerprintSha256())
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(store.load(cert, key).fingerprintSha256()).isEqualTo(first.fingerprintSha256());
    }

    @Test
    void keyFileIsReadableByOwnerOnly() throws Exception {
        Path key = dir.resolve("server.key");
        store.loadOrGenerate(dir.resolve("server.crt"), key, "example.org");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }

    @Test
    void generatedCertificateNamesTheDomainForTenYears() throws Exception {
        X509Certificate cert = store.loadOrGenerate(dir.resolve("c.pem"), dir.resolve("k.pem"),
                "example.org").certificate();

        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=example.org");
        assertThat(cert.getSubjectAlternativeNames().stream().map(entry -> (Object) entry.get(1)))
                .containsExactly("example.org", "*.example.org", "conference.example.org");
        assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
                .isGreaterThan(Duration.ofDays(3650));
        assertThat(cert.getNotBefore().toInstant()).isBefore(NOW);
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        cert.verify(cert.getPublicKey());
    }

    @Test
    void oneFileWithoutTheOtherIsAnError() throws Exception {
        Path cert = dir.resolve("c.pem");
        Path key = dir.resolve("k.pem");
        store.loadOrGenerate(cert, key, "example.org");
        Files.delete(key);
        assertThatThrownBy(() -> store.loadOrGenerate(cert, key, "example.org"))
                .isInstanceOf(IOException.class).hasMessageContaining("only one");
        assertThat(Files.exists(key)).isFalse();
    }

    @Test
    void keyOfAnotherCertificateIsRejected() throws Exception {
        store.loadOrGenerate(dir.resolve("a.crt"), dir.resolve("a.key"), "example.org");
        store.loadOrGenerate(dir.resolve("b.crt"), dir.resolve("b.key"), "example.org");
        assertThatThrownBy(() -> store.load(dir.resolve("a.crt"), dir.resolve("b.key")))
                .isInstanceOf(IOException.class).hasMessageContaining("does not hold the key");
    }

    @Test
    void loadsAChainAndATraditionalEcKey() throws Exception {
        TlsIdentity generated = store.loadOrGenerate(dir.resolve("a.crt"), dir.resolve("a.key"), "example.org");
        Path chain = dir.resolve("chain.crt");
        Files.writeString(chain, Files.readString(dir.resolve("a.crt")) + Files.readString(dir.resolve("a.crt")));
        Path traditional = dir.resolve("ec.key");
        // SEC 1 "EC PRIVATE KEY" with named-curve parameters, as `openssl ecparam -genkey` writes it.
        var ecKey = (java.security.interfaces.ECPrivateKey) generated.privateKey();
        var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ecKey.getS(),
                new org.bouncycastle.asn1.x9.X962Parameters(
                        org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1));
        try (var writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(Files.newBufferedWriter(traditional))) {
            writer.writeObject(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        }
        assertThat(Files.readString(traditional)).startsWith("-----BEGIN EC PRIVATE KEY-----");

        TlsIdentity loaded = store.load(chain, traditional);
        assertThat(loaded.chain()).hasSize(2);
        assertThat(loaded.fingerprintSha256()).isEqualTo(generated.fingerprintSha256());
        assertThat(List.of(loaded.privateKey().getAlgorithm())).containsExactly("EC");
    }
}
