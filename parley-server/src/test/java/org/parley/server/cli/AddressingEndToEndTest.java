package org.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.ParleyServer;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ConfigLoader;
import org.parley.server.directory.TestDirectories;
import org.parley.server.tls.CertificateNames;

/**
 * Both address schemes end to end, on the real composition root with a real directory: users
 * synced under userid chat and file contacts and offline messages; starting under directoryUri
 * is refused until `parley addressing migrate` ran; then each signs in with their mail address
 * (a domain of its own: example.com or example.org, beside the default localhost) and their
 * directory password, finds what they had, and chats across domains; and the way back.
 */
class AddressingEndToEndTest {

    @TempDir
    Path tmp;

    private List<String> settings(Path dataDir, List<String> ldap, String scheme) {
        List<String> all = new ArrayList<>(List.of("dataDir=" + dataDir, "c2s.bind=127.0.0.1", "c2s.port=0",
                "c2s.directTlsPort=0", "http.bind=127.0.0.1", "http.port=0", "ldap.auth=true",
                "addressing.scheme=" + scheme));
        all.addAll(ldap);
        return all;
    }

    private static ParleyServer start(List<String> settings) {
        ParleyServer server = new ParleyServer(new ConfigLoader().load(null, settings));
        try {
            server.start();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static String[] cli(List<String> settings, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        settings.forEach(s -> {
            all.add("--set");
            all.add(s);
        });
        return all.toArray(String[]::new);
    }

    /** Signs in over STARTTLS to {@code domain}, checking the certificate names that domain. */
    private static XMPPTCPConnection signIn(ParleyServer server, Path dataDir, String domain, String user,
                                            String password) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(domain)
                .setHostAddress(InetAddress.getLoopbackAddress())
                .setPort(server.c2s().port())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trust(certificate(dataDir)))
                .setUsernameAndPassword(user, password)
                .setResource("desk")
                .setSendPresence(false)
                .setConnectTimeout(10_000)
                .build());
        c.setReplyTimeout(10_000);
        c.connect().login();
        return c;
    }

    private static X509Certificate certificate(Path dataDir) throws Exception {
        try (InputStream in = Files.newInputStream(dataDir.resolve("tls").resolve("certificate.pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static X509TrustManager trust(X509Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("parley", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        return (X509TrustManager) tmf.getTrustManagers()[0];
    }

    private static String password(int i) {
        return String.format("pw-user%04d", i);
    }

    @Test
    void bothSchemesEndToEndWithRefusalAndMigrationRoundTrip() throws Exception {
        SASLAuthentication.blacklistSASLMechanism("SCRAM-SHA-1-PLUS");
        Path dataDir = Files.createDirectory(tmp.resolve("data"));
        try (AutoCloseable ldap = TestDirectories.start(tmp, 12)) {
            List<String> directory = TestDirectories.overrides(ldap);
            List<String> userid = settings(dataDir, directory, "userid");
            List<String> directoryUri = settings(dataDir, directory, "directoryUri");

            // 1. userid: every user is <sAMAccountName>@localhost.
            try (ParleyServer server = start(userid)) {
                CliRun sync = CliRun.run(null, cli(userid, "directory", "sync"));
                assertThat(sync.exitCode()).as(sync.err()).isZero();
                XMPPTCPConnection alice = signIn(server, dataDir, "localhost", "user0000", password(0));
                assertThat(alice.getUser().asBareJid().toString()).isEqualTo("user0000@localhost");
                Roster.getInstanceFor(alice).createItem(JidCreate.entityBareFrom("user0001@localhost"), "Bob", null);
                alice.sendStanza(MessageBuilder.buildMessage().to("user0001@localhost").ofType(Message.Type.chat)
                        .setBody("while you were out").build());
                // A round trip to the server: the message is stored before the server stops.
                ServiceDiscoveryManager.getInstanceFor(alice).discoverInfo(JidCreate.domainBareFrom("localhost"));
                alice.disconnect();

                // With the server running: status and a dry run through the admin API; the migration itself waits.
                CliRun status = CliRun.run(null, cli(userid, "addressing", "status"));
                assertThat(status.out()).contains("configured: userid").contains("recorded:   userid (12 directory users)");
                CliRun preview = CliRun.run(null, cli(userid, "addressing", "migrate", "--to", "directoryUri", "--dry-run"));
                assertThat(preview.exitCode()).as(preview.err()).isZero();
                assertThat(preview.out()).contains("user0002@localhost -> user0002@example.com");
                CliRun refused = CliRun.run(null, cli(userid, "addressing", "migrate", "--to", "directoryUri"));
                assertThat(refused.exitCode()).isEqualTo(ParleyCli.FAILED);
                assertThat(refused.err()).contains("stop it first");
            }

            // 2. Switching the scheme with directory users in the database is refused at start-up.
            assertThatThrownBy(() -> start(directoryUri)).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("parley addressing migrate --to directoryUri");
            assertThat(CliRun.run(null, cli(directoryUri, "addressing", "status")).out())
                    .contains("The server will refuse to start");

            // 3. The migration (no server running): a dry run, then the real one.
            CliRun dry = CliRun.run(null, cli(directoryUri, "addressing", "migrate", "--to", "directoryUri", "--dry-run"));
            assertThat(dry.exitCode()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("user0000@localhost -> user0000@example.com")
                    .contains("user0001@localhost -> user0001@example.org").contains("Dry run: 12 address(es)");
            CliRun migrate = CliRun.run(null, cli(directoryUri, "addressing", "migrate", "--to", "directoryUri"));
            assertThat(migrate.exitCode()).as(migrate.err()).isZero();
            assertThat(migrate.out()).contains("Migrated: 12 address(es) changed");

            // 4. directoryUri: each user signs in as their mail address, in its domain.
            try (ParleyServer server = start(directoryUri)) {
                X509Certificate certificate = certificate(dataDir);
                assertThat(CertificateNames.of(certificate)).contains("localhost", "example.com", "example.org",
                        "conference.example.com", "search.example.org");

                XMPPTCPConnection alice = signIn(server, dataDir, "example.com", "user0000", password(0));
                assertThat(alice.getUser().asBareJid().toString()).isEqualTo("user0000@example.com");
                Roster roster = Roster.getInstanceFor(alice);
                roster.reloadAndWait();
                assertThat(roster.getEntries()).extracting(e -> e.getJid().toString()).containsExactly("user0001@example.org");

                XMPPTCPConnection bob = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                        .setXmppDomain("example.org").setHostAddress(InetAddress.getLoopbackAddress())
                        .setPort(server.c2s().port()).setSecurityMode(SecurityMode.required)
                        .setCustomX509TrustManager(trust(certificate)).setUsernameAndPassword("user0001", password(1))
                        .setResource("phone").setConnectTimeout(10_000).build());
                bob.setReplyTimeout(10_000);
                StanzaCollector atBob = bob.createStanzaCollector(MessageWithBodiesFilter.INSTANCE);
                bob.connect().login(); // with initial presence: the offline message follows
                Message offline = atBob.nextResultOrThrow(10_000);
                assertThat(offline.getBody()).isEqualTo("while you were out");
                assertThat(offline.getFrom().asBareJid().toString()).isEqualTo("user0000@example.com");

                StanzaCollector atAlice = alice.createStanzaCollector(MessageWithBodiesFilter.INSTANCE);
                StanzaCollector atBobAgain = bob.createStanzaCollector(MessageWithBodiesFilter.INSTANCE);
                bob.sendStanza(MessageBuilder.buildMessage().to(alice.getUser()).ofType(Message.Type.chat)
                        .setBody("hello across domains").build());
                Message got = atAlice.nextResultOrThrow(10_000);
                assertThat(got.getBody()).isEqualTo("hello across domains");
                assertThat(got.getFrom().toString()).isEqualTo("user0001@example.org/phone");
                alice.sendStanza(MessageBuilder.buildMessage().to(bob.getUser()).ofType(Message.Type.chat)
                        .setBody("hi back").build());
                assertThat(atBobAgain.<Message>nextResultOrThrow(10_000).getBody()).isEqualTo("hi back");

                // Each domain lists its own services.
                DiscoverItems items = ServiceDiscoveryManager.getInstanceFor(alice)
                        .discoverItems(JidCreate.domainBareFrom("example.com"));
                assertThat(items.getItems()).extracting(i -> i.getEntityID().toString())
                        .containsExactlyInAnyOrder("conference.example.com", "search.example.com");
                alice.disconnect();
                bob.disconnect();
            }

            // 5. And back: userid again, with the same contacts.
            CliRun back = CliRun.run(null, cli(userid, "addressing", "migrate", "--to", "userid"));
            assertThat(back.exitCode()).as(back.err()).isZero();
            try (ParleyServer server = start(userid)) {
                XMPPTCPConnection alice = signIn(server, dataDir, "localhost", "user0000", password(0));
                Roster roster = Roster.getInstanceFor(alice);
                roster.reloadAndWait();
                assertThat(roster.getEntries()).extracting(e -> e.getJid().toString()).containsExactly("user0001@localhost");
                alice.disconnect();
            }
        }
    }
}
