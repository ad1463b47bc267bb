package org.parley.server.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import org.parley.server.tls.CertificateStore;
import org.parley.server.tls.TlsIdentity;

/**
 * A real LDAP server for tests (UnboundID in-memory, over TCP): plain LDAP with StartTLS and
 * LDAPS on fixed ports (so a listener can be stopped and restarted on the same address),
 * loaded from an LDIF generated here, Active-Directory-shaped (sAMAccountName, userPrincipalName,
 * department, member) with users in two mail domains. Groups answer member reads in AD's ranged
 * form ({@code member;range=0-99}) so range retrieval is exercised.
 */
final class TestDirectory implements AutoCloseable {

    static final String BASE = "dc=corp,dc=test";
    static final String ADMIN_DN = "cn=parley,ou=service," + BASE;
    static final String ADMIN_PASSWORD = "service-secret";
    static final int RANGE = 100;

    private final InMemoryDirectoryServer server;
    private final int ldapPort;
    private final int ldapsPort;
    private final Path caPem;
    private final SearchGate gate;

    private TestDirectory(InMemoryDirectoryServer server, int ldapPort, int ldapsPort, Path caPem, SearchGate gate) {
        this.server = server;
        this.ldapPort = ldapPort;
        this.ldapsPort = ldapsPort;
        this.caPem = caPem;
        this.gate = gate;
    }

    /** Starts a server with {@code users} users (user0000… in example.com and example.org) and groups. */
    static TestDirectory start(Path tmp, int users) throws Exception {
        TlsIdentity identity = new CertificateStore(Clock.systemUTC(), new SecureRandom())
                .loadOrGenerate(tmp.resolve("ldap-cert.pem"), tmp.resolve("ldap-key.pem"), "localhost");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("ldap", identity.privateKey(), new char[0], identity.chain().toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        SSLUtil serverSsl = new SSLUtil(kmf.getKeyManagers(), new javax.net.ssl.TrustManager[] {new TrustAllTrustManager()});

        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setSchema(null); // AD attributes (sAMAccountName, department) without loading AD's schema
        int ldapPort = freePort();
        int ldapsPort = freePort();
        config.setListenerConfigs(
                InMemoryListenerConfig.createLDAPConfig("ldap", null, ldapPort, serverSsl.createSSLSocketFactory()),
                InMemoryListenerConfig.createLDAPSConfig("ldaps", null, ldapsPort,
                        serverSsl.createSSLServerSocketFactory(), null));
        AdRangedMembers ranged = new AdRangedMembers();
        config.addInMemoryOperationInterceptor(ranged);
        SearchGate gate = new SearchGate();
        config.addInMemoryOperationInterceptor(gate);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        ranged.server = server;
        server.importFromLDIF(true, new LDIFReader(new ByteArrayInputStream(
                ldif(users).getBytes(StandardCharsets.UTF_8))));
        server.startListening();
        return new TestDirectory(server, ldapPort, ldapsPort, tmp.resolve("ldap-cert.pem"), gate);
    }

    static String userId(int i) {
        return String.format(Locale.ROOT, "user%04d", i);
    }

    static String password(int i) {
        return "pw-" + userId(i);
    }

    static String dn(int i) {
        return "cn=User " + i + ",ou=people," + BASE;
    }

    /** Even users are in example.com, odd ones in example.org. */
    static String mail(int i) {
        return userId(i) + "@" + (i % 2 == 0 ? "example.com" : "example.org");
    }

    static String department(int i) {
        return i % 10 == 0 ? "Sales" : "Engineering " + (i % 3);
    }

    private static String ldif(int users) {
        StringBuilder b = new StringBuilder();
        b.append("dn: ").append(BASE).append("\nobjectClass: domain\ndc: corp\n\n");
        b.append("dn: ou=people,").append(BASE).append("\nobjectClass: organizationalUnit\nou: people\n\n");
        b.append("dn: ou=groups,").append(BASE).append("\nobjectClass: organizationalUnit\nou: groups\n\n");
        b.append("dn: ou=service,").append(BASE).append("\nobjectClass: organizationalUnit\nou: service\n\n");
        b.append("dn: ").append(ADMIN_DN).append("\nobjectClass: applicationProcess\ncn: parley\nuserPassword: ")
                .append(ADMIN_PASSWORD).append("\n\n");
        for (int i = 0; i < users; i++) {
            b.append(userEntry(i)).append('\n');
        }
        b.append(group("Team Alpha", 1, 5));
        b.append(group("All Staff", 0, users));
        return b.toString();
    }

    static String userEntry(int i) {
        return "dn: " + dn(i) + "\nobjectClass: person\nobjectClass: user\ncn: User " + i
                + "\nsn: Number" + i + "\ngivenName: User\ndisplayName: User Number " + i
                + "\nsAMAccountName: " + userId(i) + "\nuserPrincipalName: " + mail(i)
                + "\nmail: " + mail(i) + "\ntelephoneNumber: +1 555 " + String.format(Locale.ROOT, "%04d", i)
                + "\ndepartment: " + department(i) + "\nuserPassword: " + password(i) + "\n";
    }

    private static String group(String name, int from, int to) {
        StringBuilder b = new StringBuilder("dn: cn=" + name + ",ou=groups," + BASE
                + "\nobjectClass: groupOfNames\ncn: " + name + "\n");
        for (int i = from; i < to; i++) {
            b.append("member: ").append(dn(i)).append('\n');
        }
        return b.append('\n').toString();
    }

    InMemoryDirectoryServer server() {
        return server;
    }

    /** Records the searches the directory answers, and can hold some of them (a slow directory). */
    SearchGate gate() {
        return gate;
    }

    String ldapUrl() {
        return "ldap://localhost:" + ldapPort;
    }

    String ldapsUrl() {
        return "ldaps://localhost:" + ldapsPort;
    }

    Path caCertificate() {
        return caPem;
    }

    /** --set overrides for Parley pointing at this directory (plain LDAP), AD-style mapping. */
    List<String> overrides(String servers) {
        return new ArrayList<>(List.of("ldap.servers=" + servers, "ldap.bindDn=" + ADMIN_DN,
                "ldap.bindPassword=" + ADMIN_PASSWORD, "ldap.baseDn=" + BASE,
                "ldap.userFilter=(objectClass=user)", "ldap.caCertificate=" + caPem,
                "ldap.connectTimeoutMillis=1000", "ldap.responseTimeoutMillis=3000", "ldap.pageSize=250"));
    }

    void stop() {
        server.shutDown("ldap", true);
        server.shutDown("ldaps", true);
    }

    void restart() throws LDAPException {
        server.startListening("ldap");
        server.startListening("ldaps");
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Active Directory's range retrieval (MS-ADTS 3.1.1.3.1.3.3): a member attribute with more
     * than {@link #RANGE} values comes back as {@code member;range=0-99}, and a request for
     * {@code member;range=N-*} returns the next slice, the last one named {@code N-*}.
     */
    private static final class AdRangedMembers extends InMemoryOperationInterceptor {

        volatile InMemoryDirectoryServer server;

        @Override
        public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
            Entry entry = result.getSearchEntry();
            int start = -1;
            for (String requested : result.getRequest().getAttributeList()) {
                String lower = requested.toLowerCase(Locale.ROOT);
                if (lower.equals("member")) {
                    start = 0;
                } else if (lower.startsWith("member;range=")) {
                    start = Integer.parseInt(lower.substring("member;range=".length(), lower.indexOf('-')));
                }
            }
            if (start < 0 || !entry.hasObjectClass("groupOfNames")) {
                return;
            }
            try {
                String[] all = server.getEntry(entry.getDN()).getAttributeValues("member");
                if (all == null || all.length <= RANGE && start == 0) {
                    return;
                }
                int end = Math.min(all.length, start + RANGE);
                Entry copy = entry.duplicate();
                copy.removeAttribute("member");
                String name = "member;range=" + start + "-" + (end >= all.length ? "*" : Integer.toString(end - 1));
                copy.addAttribute(new Attribute(name, Arrays.copyOfRange(all, start, end)));
                result.setSearchEntry(copy);
            } catch (LDAPException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        }
    }

    /**
     * Sees every search filter, and holds searches whose filter contains {@link #hold}'s text
     * until {@link #release()}: a directory that is slow for some requests.
     */
    static final class SearchGate extends InMemoryOperationInterceptor {
        private final java.util.List<String> filters = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile String held;
        private volatile java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(0);
        private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void processSearchRequest(com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest request) {
            String filter = request.getRequest().getFilter().toString();
            filters.add(filter);
            String h = held;
            if (h != null && filter.contains(h)) {
                waiting.incrementAndGet();
                try {
                    open.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Holds searches whose filter contains {@code text}. */
        void hold(String text) {
            open = new java.util.concurrent.CountDownLatch(1);
            held = text;
        }

        void release() {
            held = null;
            open.countDown();
        }

        /** Searches held so far. */
        int held() {
            return waiting.get();
        }

        /** Whether any search filter seen so far contains {@code text}. */
        boolean searched(String text) {
            return filters.stream().anyMatch(f -> f.contains(text));
        }
    }
}
