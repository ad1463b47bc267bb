package org.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.ParleyServer;
import org.parley.server.config.ConfigLoader;

/**
 * On the real composition root: the generated certificate names every served domain and its
 * services, also a domain added while the server runs; an operator's per-domain certificate
 * answers clients asking for that domain.
 */
class ServedCertificateTest {

    @TempDir
    Path tmp;

    private static ParleyServer start(Path dataDir, String... more) {
        List<String> settings = new ArrayList<>(List.of("dataDir=" + dataDir, "c2s.bind=127.0.0.1", "c2s.port=0",
                "c2s.directTlsPort=0", "http.bind=127.0.0.1", "http.port=0"));
        settings.addAll(List.of(more));
        ParleyServer server = new ParleyServer(new ConfigLoader().load(null, settings));
        try {
            server.start();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The leaf certificate the direct-TLS port presents to a client asking for {@code host}. */
    private static X509Certificate presented(ParleyServer server, String host) throws Exception {
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.c2s().directTlsPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    @Test
    void generatedCertificateFollowsTheServedDomains() throws Exception {
        Path dataDir = Files.createDirectory(tmp.resolve("data"));
        try (ParleyServer server = start(dataDir)) {
            assertThat(CertificateNames.of(presented(server, "localhost")))
                    .containsExactly("localhost", "conference.localhost", "search.localhost");
            server.core().domains().addManaged(JidCreate.domainBareFrom("corp.example"));
            X509Certificate now = presented(server, "corp.example");
            assertThat(CertificateNames.of(now)).containsExactly("localhost", "conference.localhost",
                    "search.localhost", "corp.example", "conference.corp.example", "search.corp.example");
            assertThat(CertificateStore.isSelfSigned(now)).isTrue();
        }
    }

    @Test
    void perDomainCertificatesAreChosenBySni() throws Exception {
        Path dataDir = Files.createDirectory(tmp.resolve("data"));
        Path certificates = Files.createDirectory(tmp.resolve("certs"));
        TlsIdentity corp = new CertificateStore(Clock.systemUTC(), new SecureRandom()).generate(
                certificates.resolve("corp.example.crt"), certificates.resolve("corp.example.key"),
                List.of("corp.example"));
        try (ParleyServer server = start(dataDir, "tls.domainCertificates=" + certificates)) {
            assertThat(presented(server, "corp.example")).isEqualTo(corp.certificate());
            assertThat(CertificateNames.of(presented(server, "localhost"))).contains("localhost");
        }
    }
}
