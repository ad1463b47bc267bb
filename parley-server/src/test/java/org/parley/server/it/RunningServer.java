package org.parley.server.it;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.parley.server.ParleyServer;
import org.parley.server.config.ConfigLoader;
import org.parley.server.config.ParleyConfig;

/**
 * The real composition root, {@link ParleyServer}, as {@code parley serve} runs it: the default
 * H2 file database, certificate and admin files in {@code dataDir}, every port 0 (free) on
 * loopback. Smack clients trust the certificate the server generated there.
 */
final class RunningServer implements AutoCloseable {

    private final ParleyServer server;
    private final Path dataDir;
    private final X509TrustManager trust;
    private final List<XMPPTCPConnection> connections = new ArrayList<>();

    private RunningServer(ParleyServer server, Path dataDir) throws Exception {
        this.server = server;
        this.dataDir = dataDir;
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(dataDir.resolve("tls").resolve("certificate.pem"))) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("parley", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        this.trust = (X509TrustManager) tmf.getTrustManagers()[0];
    }

    /** The --set overrides every run uses: this data directory and free loopback ports. */
    static List<String> overrides(Path dataDir) {
        return List.of("dataDir=" + dataDir, "c2s.bind=127.0.0.1", "c2s.port=0", "c2s.directTlsPort=0",
                "http.bind=127.0.0.1", "http.port=0");
    }

    static RunningServer start(Path dataDir) throws Exception {
        ParleyConfig config = new ConfigLoader().load(null, overrides(dataDir));
        ParleyServer server = new ParleyServer(config);
        try {
            server.start();
            return new RunningServer(server, dataDir);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    ParleyServer server() {
        return server;
    }

    Path dataDir() {
        return dataDir;
    }

    void createUser(String username, String password) throws Exception {
        if (!server.accounts().create(username, password).get(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("user exists: " + username);
        }
    }

    /** A connection over STARTTLS, not yet connected. */
    XMPPTCPConnection connection(String username, String password, String resource) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.core().domain())
                .setHostAddress(InetAddress.getLoopbackAddress())
                .setPort(server.c2s().port())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trust)
                .setUsernameAndPassword(username, password)
                .setResource(resource)
                .setSendPresence(false)
                .setConnectTimeout(10_000)
                .build());
        c.setReplyTimeout(10_000);
        synchronized (connections) {
            connections.add(c);
        }
        return c;
    }

    XMPPTCPConnection signIn(String username, String password, String resource) throws Exception {
        XMPPTCPConnection c = connection(username, password, resource);
        c.connect().login();
        return c;
    }

    /** Closes the server as Ctrl-C does (clients get system-shutdown), then whatever clients remain. */
    @Override
    public void close() {
        server.close();
        synchronized (connections) {
            for (XMPPTCPConnection c : connections) {
                if (c.isConnected()) {
                    c.instantShutdown();
                }
            }
        }
    }
}
