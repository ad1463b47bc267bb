package org.parley.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.DomainBareJid;
import org.parley.server.ParleyCore;
import org.parley.server.ServerModules;
import org.parley.server.account.AccountService;
import org.parley.server.auth.SaslMechanisms;
import org.parley.server.auth.SignInThrottle;
import org.parley.server.c2s.C2sListener;
import org.parley.server.c2s.IoLoops;
import org.parley.server.config.ConfigLoader;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Module;
import org.parley.server.storage.Database;
import org.parley.server.tls.CertificateStore;
import org.parley.server.tls.TlsContextFactory;
import org.parley.server.tls.TlsIdentity;

/**
 * A real server for integration tests: the core on in-memory H2 with the given modules, and the
 * c2s listener on free loopback ports with a fresh self-signed certificate in a temporary data
 * directory. Gives Smack configurations (STARTTLS and direct TLS) that trust that certificate.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.builder().modules(new RosterModule()).start()) {
 *     server.createUser("alice");
 *     XMPPTCPConnection alice = server.signIn("alice", "phone");
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {

    private final ParleyCore core;
    private final IoLoops loops;
    private final AccountService accounts;
    private final C2sListener listener;
    private final SSLContext clientTls;
    private final X509TrustManager trustManager;
    private final Path dataDir;
    private final List<XMPPTCPConnection> connections = new ArrayList<>();
    private final AdminHttp http;

    private TestServer(ParleyCore core, IoLoops loops, AccountService accounts, C2sListener listener,
                       TlsIdentity identity, Path dataDir, AdminHttp http) throws Exception {
        this.http = http;
        this.core = core;
        this.loops = loops;
        this.accounts = accounts;
        this.listener = listener;
        this.dataDir = dataDir;
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("parley", identity.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        this.trustManager = (X509TrustManager) tmf.getTrustManagers()[0];
        this.clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), new SecureRandom());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server with default settings and these modules. */
    public static TestServer start(Module... modules) {
        return builder().modules(List.of(modules)).start();
    }

    /** Configures and starts a {@link TestServer}. */
    public static final class Builder {
        private final List<String> overrides = new ArrayList<>();
        private final List<Module> modules = new ArrayList<>();
        private SignInThrottle throttle;
        private ServerModules node;
        private String databaseUrl;
        private String databaseUser = "";
        private String databasePassword = "";
        private java.util.function.BiFunction<ParleyCore, AccountService, org.parley.server.auth.CredentialSource>
                credentials = (core, accounts) -> accounts;

        private Builder() {
        }

        /** A --set style override, e.g. {@code "registration.inBand=true"}. */
        public Builder set(String keyValue) {
            overrides.add(keyValue);
            return this;
        }

        public Builder modules(List<? extends Module> toStart) {
            modules.addAll(toStart);
            return this;
        }

        public Builder module(Module module) {
            modules.add(module);
            return this;
        }

        /**
         * Starts every module of {@code modules} and the admin HTTP listener (on a free loopback
         * port) with the routes a real node serves: for tests that use REST and XMPP together.
         */
        public Builder node(ServerModules modules) {
            this.node = modules;
            return modules(modules.all());
        }

        /** Every module of a real node without a directory, as {@link ServerModules} lists them. */
        public Builder allModules() {
            return modules(new ServerModules(null).all());
        }

        /**
         * Uses this database instead of a private in-memory H2, e.g. one that outlives the server
         * (see {@link #h2File(Path)}) for restart tests, or a PostgreSQL URL. It is migrated at start.
         */
        public Builder database(String url, String user, String password) {
            this.databaseUrl = url;
            this.databaseUser = user;
            this.databasePassword = password;
            return this;
        }

        /** An H2 file database in {@code dir}, which survives stopping the server (the caller owns the directory). */
        public Builder h2File(Path dir) {
            return database("jdbc:h2:file:" + dir.toAbsolutePath().resolve("parley")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "", "");
        }

        /** Replaces the default sign-in throttle (three free failures, then 0.5 s doubling). */
        public Builder throttle(SignInThrottle signInThrottle) {
            this.throttle = signInThrottle;
            return this;
        }

        /** Where sign-in checks passwords (default: the server's own accounts), e.g. an LDAP source. */
        public Builder credentials(java.util.function.BiFunction<ParleyCore, AccountService,
                org.parley.server.auth.CredentialSource> factory) {
            this.credentials = factory;
            return this;
        }

        public TestServer start() {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("parley-test-");
                List<String> all = new ArrayList<>(List.of("dataDir=" + dir, "c2s.bind=127.0.0.1",
                        "c2s.port=0", "c2s.directTlsPort=0"));
                all.addAll(overrides);
                ParleyConfig config = new ConfigLoader().load(null, all);
                Database db = databaseUrl != null
                        ? new Database(databaseUrl, databaseUser, databasePassword, 4)
                        : new Database("jdbc:h2:mem:" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                                "", "", 4);
                db.migrate();
                // Wired like ParleyServer: the hubs run on the listener's I/O loops.
                IoLoops loops = new IoLoops(0, config.c2s().transport());
                ParleyCore core = new ParleyCore(config, db, Clock.systemUTC(), loops.group());
                AccountService accounts = TestAccounts.create(core);
                core.start(accounts, modules);
                TlsIdentity identity = new CertificateStore(Clock.systemUTC(), new SecureRandom())
                        .loadOrGenerate(dir.resolve("cert.pem"), dir.resolve("key.pem"), config.domain());
                TlsContextFactory tls = new TlsContextFactory(identity);
                SaslMechanisms mechanisms = new SaslMechanisms(credentials.apply(core, accounts), new SecureRandom(),
                        Set.of(core.domain()));
                C2sListener listener = new C2sListener(core, accounts, mechanisms,
                        throttle != null ? throttle : new SignInThrottle(Clock.systemUTC()),
                        tls.startTls(), tls.directTls(), loops);
                listener.start();
                AdminHttp http = node == null ? null : AdminHttp.start(core, accounts, node);
                return new TestServer(core, loops, accounts, listener, identity, dir, http);
            } catch (Exception e) {
                if (dir != null) {
                    deleteTree(dir);
                }
                throw new IllegalStateException("test server failed to start", e);
            }
        }
    }

    public ParleyCore core() {
        return core;
    }

    public AccountService accounts() {
        return accounts;
    }

    public C2sListener listener() {
        return listener;
    }

    public DomainBareJid domain() {
        return core.domain();
    }

    /** The admin HTTP API (started with {@link Builder#node}). */
    public AdminHttp http() {
        if (http == null) {
            throw new IllegalStateException("start the server with builder().node(modules) for the HTTP API");
        }
        return http;
    }

    public int port() {
        return listener.port();
    }

    public int directTlsPort() {
        return listener.directTlsPort();
    }

    /** An SSL context that trusts this server's certificate (for raw sockets). */
    public SSLContext clientTls() {
        return clientTls;
    }

    /** The password {@link #createUser(String)} gives a user. */
    public static String password(String username) {
        return "secret-" + username;
    }

    /** Creates an account with {@link #password(String)}. */
    public void createUser(String username) {
        createUser(username, password(username));
    }

    public void createUser(String username, String password) {
        try {
            if (!accounts.create(username, password).get(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("user exists: " + username);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Smack settings for the STARTTLS port, TLS required, trusting this server's certificate. */
    public XMPPTCPConnectionConfiguration.Builder startTlsConfig(String username, String resource) {
        XMPPTCPConnectionConfiguration.Builder b = base(username, resource)
                .setPort(port())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trustManager);
        return b;
    }

    /**
     * Smack settings for the direct-TLS port (XEP-0368). Smack 4.4 has no direct-TLS mode, so
     * the TLS comes from the socket factory and Smack's own STARTTLS is disabled; Smack then
     * sees no SSLSession, so -PLUS mechanisms cannot be used this way.
     */
    public XMPPTCPConnectionConfiguration.Builder directTlsConfig(String username, String resource) {
        return base(username, resource)
                .setPort(directTlsPort())
                .setSecurityMode(SecurityMode.disabled)
                .setSocketFactory(clientTls.getSocketFactory());
    }

    private XMPPTCPConnectionConfiguration.Builder base(String username, String resource) {
        try {
            XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(domain())
                    .setHostAddress(InetAddress.getLoopbackAddress())
                    .setUsernameAndPassword(username, password(username))
                    .setSendPresence(false)
                    .setConnectTimeout(10_000);
            if (resource != null) {
                b.setResource(resource);
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and signs in over STARTTLS; the connection is closed with the server. */
    public XMPPTCPConnection signIn(String username, String resource) throws Exception {
        return connect(startTlsConfig(username, resource).build());
    }

    /** Connects and signs in with the given configuration; closed with the server. */
    public XMPPTCPConnection connect(XMPPTCPConnectionConfiguration configuration) throws Exception {
        XMPPTCPConnection connection = connection(configuration);
        connection.connect().login();
        return connection;
    }

    /**
     * A connection not yet connected, closed with the server: for listeners (roster, subscription
     * requests) that must be in place before the sign-in.
     */
    public XMPPTCPConnection connection(XMPPTCPConnectionConfiguration configuration) {
        XMPPTCPConnection connection = new XMPPTCPConnection(configuration);
        connection.setReplyTimeout(10_000);
        synchronized (connections) {
            connections.add(connection);
        }
        return connection;
    }

    /** A raw client on the STARTTLS port. */
    public RawClient raw() throws IOException {
        return RawClient.plain(this);
    }

    /** A raw client on the direct-TLS port. */
    public RawClient rawDirectTls() throws IOException {
        return RawClient.directTls(this);
    }

    @Override
    public void close() {
        synchronized (connections) {
            for (XMPPTCPConnection c : connections) {
                if (c.isConnected()) {
                    c.instantShutdown();
                }
            }
        }
        if (http != null) {
            http.close();
        }
        listener.stop();
        core.close();
        loops.close();
        core.database().close();
        deleteTree(dataDir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }
}
