package org.parley.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.jxmpp.jid.DomainBareJid;
import org.parley.server.account.AccountService;
import org.parley.server.addressing.AddressScheme;
import org.parley.server.addressing.AddressingStore;
import org.parley.server.addressing.SchemeCheck;
import org.parley.server.account.AccountStore;
import org.parley.server.admin.AdminTokenStore;
import org.parley.server.admin.AdminTokens;
import org.parley.server.admin.LocalAdminFiles;
import org.parley.server.auth.CredentialSource;
import org.parley.server.auth.SaslMechanisms;
import org.parley.server.auth.ScramCredentialFactory;
import org.parley.server.auth.ServerSecret;
import org.parley.server.auth.SignInThrottle;
import org.parley.server.c2s.C2sListener;
import org.parley.server.c2s.IoLoops;
import org.parley.server.directory.DirectoryStore;
import org.parley.server.directory.LdapCredentialSource;
import org.parley.server.directory.LdapDirectory;
import org.parley.server.directory.VCards;
import org.parley.server.domain.DomainStore;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Domains;
import org.parley.server.http.AdminApiRoutes;
import org.parley.server.http.HttpListener;
import org.parley.server.http.HttpRoutes;
import org.parley.server.http.StatsRoutes;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.tls.CertificateStore;
import org.parley.server.tls.DomainCertificates;
import org.parley.server.tls.GeneratedCertificate;
import org.parley.server.tls.ServerIdentities;
import org.parley.server.tls.TlsContextFactory;
import org.parley.server.version.ParleyVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds one node from its configuration (database, core, modules,
 * listeners) by constructor, starts it, and takes it down in reverse order. Nothing else in
 * the server creates long-lived collaborators.
 */
public final class ParleyServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ParleyServer.class);

    private final ParleyConfig config;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final List<AutoCloseable> started = new ArrayList<>();
    private ParleyCore core;
    private AccountService accounts;
    private HttpListener http;
    private C2sListener c2s;
    private IoLoops loops;
    private ServerIdentities tlsIdentities;
    private LdapDirectory directory;
    private ServerModules modules;
    private CredentialSource credentials;

    public ParleyServer(ParleyConfig config) {
        this.config = config;
    }

    /** Starts everything; returns once the node serves. On failure the caller should {@link #close()}. */
    public void start() {
        ParleyCore.usePrecis();
        createDataDir();
        Database database = Database.open(config);
        started.add(database);
        // Before anything reads or writes an address: refuses a scheme switch the data was not migrated for.
        new SchemeCheck(new AddressingStore(new Jdbc(database.dataSource())))
                .check(AddressScheme.parse(config.addressing().scheme()));
        // One set of I/O loops for the client listener and the user hubs (see IoLoops for why);
        // registered before the core so that it closes after the core and the listener.
        loops = new IoLoops(0, config.c2s().transport());
        started.add(loops);
        core = new ParleyCore(config, database, clock, loops.group());
        started.add(core);
        new DomainStore(core.jdbc()).loadInto(core.domains());
        accounts = new AccountService(new AccountStore(core.jdbc()), core.blocking(),
                new ScramCredentialFactory(random, config.auth().scramIterations()), core.events(), core.domains(), clock);
        if (config.ldap().configured()) {
            directory = LdapDirectory.open(config);
            started.add(directory);
        }
        credentials = credentialSource();
        modules = new ServerModules(directory);
        core.start(accounts, modules.all());
        tlsIdentities = loadTlsIdentities();
        startC2s();
        startHttp();
        log.info("Parley {} serving {}: c2s {} (STARTTLS) / {} (direct TLS), admin API {}, database {}, certificate SHA-256 {}",
                ParleyVersion.ofThisBuild().version(), config.domain(), c2s.port(), c2s.directTlsPort(),
                http.localAddress(), database.describe(), tlsIdentities.main().fingerprintSha256());
    }

    /**
     * Where sign-in checks passwords: the directory (by LDAP bind) when {@code ldap.auth} is on,
     * with Parley's own accounts as the fallback for users the directory does not hold; else
     * Parley's accounts (SCRAM). The c2s listener's SaslMechanisms is built over it: with the LDAP
     * source only PLAIN (over TLS) is offered.
     */
    private CredentialSource credentialSource() {
        if (directory != null && config.ldap().auth()) {
            LdapCredentialSource ldap = new LdapCredentialSource(directory, new DirectoryStore(core.jdbc()),
                    new VCards(config.domain()), clock, accounts);
            started.add(ldap);
            return ldap;
        }
        return accounts;
    }

    /** The credential source sign-in uses (see {@link #credentialSource()}). */
    public CredentialSource credentials() {
        return credentials;
    }

    private void createDataDir() {
        try {
            Files.createDirectories(config.dataPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataPath(), e);
        }
    }

    /**
     * The configured certificate, or the self-signed one in the data directory (kept naming every
     * served domain, see {@link GeneratedCertificate}); plus per-domain certificates chosen by SNI.
     */
    private ServerIdentities loadTlsIdentities() {
        CertificateStore store = new CertificateStore(clock, random);
        try {
            List<ServerIdentities.DomainIdentity> perDomain = config.tls().domainCertificates().isBlank() ? List.of()
                    : new DomainCertificates(clock, random).load(Path.of(config.tls().domainCertificates()));
            if (!config.tls().certificate().isBlank() || !config.tls().key().isBlank()) {
                return new ServerIdentities(store.load(Path.of(config.tls().certificate()), Path.of(config.tls().key())),
                        perDomain);
            }
            Path dir = config.dataPath().resolve("tls");
            GeneratedCertificate generated = new GeneratedCertificate(store, dir.resolve("certificate.pem"),
                    dir.resolve("key.pem"), this::certificateNames);
            ServerIdentities identities = new ServerIdentities(generated.load(), perDomain);
            core.domains().subscribe(new Domains.Listener() {
                @Override
                public void added(DomainBareJid domain) {
                    generated.refresh(identities);
                }

                @Override
                public void removed(DomainBareJid domain) {
                    generated.refresh(identities);
                }
            });
            generated.refresh(identities); // a domain served between loading and subscribing
            return identities;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the TLS certificate: " + e.getMessage(), e);
        }
    }

    /** Every served domain with its chat-room and search services, the default domain first. */
    private List<String> certificateNames() {
        List<String> names = new ArrayList<>();
        for (Domains.Entry e : core.domains().all()) {
            String d = e.domain().toString();
            names.add(d);
            if (config.muc().enabled()) {
                names.add(config.muc().subdomain() + "." + d);
            }
            if (config.search().enabled()) {
                names.add("search." + d);
            }
        }
        return names;
    }

    private void startC2s() {
        byte[] decoySecret;
        try {
            decoySecret = ServerSecret.loadOrCreate(config.dataPath(), random);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the server secret: " + e.getMessage(), e);
        }
        SaslMechanisms sasl = new SaslMechanisms(credentials, random, Set.of(core.domain()), decoySecret,
                config.auth().scramIterations());
        TlsContextFactory tls = new TlsContextFactory(tlsIdentities);
        SslContext startTls;
        SslContext directTls;
        try {
            startTls = tls.startTls();
            directTls = tls.directTls();
        } catch (SSLException e) {
            throw new UncheckedIOException("cannot set up TLS: " + e.getMessage(), e);
        }
        // Reference-counted OpenSSL contexts free their native state only when released: after the listener stops.
        started.add(() -> {
            ReferenceCountUtil.release(startTls);
            ReferenceCountUtil.release(directTls);
        });
        c2s = new C2sListener(core, accounts, sasl, new SignInThrottle(clock), startTls, directTls, loops);
        // Registered before start so that a failed bind (port in use) still releases what did bind.
        started.add(c2s::stop);
        try {
            c2s.start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the client ports", e);
        }
    }

    private void startHttp() {
        ObjectMapper mapper = new ObjectMapper();
        AdminTokens tokens = new AdminTokens(new AdminTokenStore(core.jdbc()), random, clock);
        // The node-wide routes, plus the memory figures that need the c2s listener.
        List<HttpRoutes> routes = new ArrayList<>(AdminApiRoutes.of(core, accounts, tokens, modules, directory, mapper));
        routes.add(new StatsRoutes(c2s::connectionCount));
        http = new HttpListener(config.http().bind(), config.http().port(), tokens, mapper, routes).start();
        started.add(http::close);
        LocalAdminFiles adminFiles = new LocalAdminFiles(config.dataPath());
        try {
            adminFiles.publish(tokens, http.localAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin token file: " + e.getMessage(), e);
        }
        started.add(adminFiles::withdraw);
    }

    public ParleyCore core() {
        return core;
    }

    public AccountService accounts() {
        return accounts;
    }

    public C2sListener c2s() {
        return c2s;
    }

    public HttpListener http() {
        return http;
    }

    /** Stops in reverse start order; safe after a failed start and when called twice. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("error while stopping: {}", e.getMessage());
            }
        }
        started.clear();
    }
}
