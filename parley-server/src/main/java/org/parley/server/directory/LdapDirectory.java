package org.parley.server.directory;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultListener;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.File;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.TrustManager;
import org.parley.server.addressing.AddressScheme;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ParleyConfig;

/**
 * The LDAP directory as Parley uses it: a connection pool over the configured servers in
 * failover order (ldap://, ldaps:// or ldap:// with StartTLS), with the searches and binds that
 * sign-in, sync and contact search need. Every method blocks on the network: call it from the
 * blocking pool. A directory that cannot answer throws {@link LDAPException}; callers tell that
 * apart from "no such user" or "wrong password", which are ordinary results here.
 */
public final class LdapDirectory implements AutoCloseable {

    // After a failover, connections to a secondary are retired after this long, so the pool
    // comes back to the primary once it has recovered.
    private static final long FAILOVER_CONNECTION_AGE_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final ParleyConfig.Ldap config;
    private final LDAPConnectionPool pool;
    private final Filter userFilter;
    private final UserMapping mapping;

    private LdapDirectory(ParleyConfig.Ldap config, LDAPConnectionPool pool, Filter userFilter, UserMapping mapping) {
        this.config = config;
        this.pool = pool;
        this.userFilter = userFilter;
        this.mapping = mapping;
    }

    /** As {@link #open(ParleyConfig.Ldap, UserMapping)} under the configured address scheme and domain. */
    public static LdapDirectory open(ParleyConfig config) {
        return open(config.ldap(), new UserMapping(config.ldap().mapping(),
                AddressScheme.parse(config.addressing().scheme()), org.jxmpp.jid.impl.JidCreate.domainBareFromOrThrowUnchecked(config.domain())));
    }

    /** Under the userid scheme. */
    public static LdapDirectory open(ParleyConfig.Ldap config) {
        return open(config, new UserMapping(config.mapping()));
    }

    /**
     * Builds the pool. It starts even when no server answers yet (the directory may come up after
     * Parley): operations fail until one does. Bad URLs, filters or certificates are refused here.
     */
    public static LdapDirectory open(ParleyConfig.Ldap config, UserMapping mapping) {
        Filter filter;
        try {
            filter = Filter.create(config.userFilter());
        } catch (LDAPException e) {
            throw new ConfigException("ldap.userFilter is not an LDAP filter: " + config.userFilter());
        }
        ServerSet servers = serverSet(config);
        BindRequest bind = config.bindDn().isBlank() ? null : new SimpleBindRequest(config.bindDn(), config.bindPassword());
        try {
            LDAPConnectionPool pool = new LDAPConnectionPool(servers, bind, 1, Math.max(1, config.poolSize()),
                    1, null, false);
            pool.setConnectionPoolName("parley-ldap");
            // A connection broken by a server going down is replaced (on the next server) and the
            // operation retried once, so a failover is invisible to the caller.
            pool.setRetryFailedOperationsDueToInvalidConnections(true);
            pool.setMaxWaitTimeMillis(config.responseTimeoutMillis());
            return new LdapDirectory(config, pool, filter, mapping);
        } catch (LDAPException e) {
            throw new ConfigException("ldap: cannot create the connection pool: " + e.getMessage());
        }
    }

    private static ServerSet serverSet(ParleyConfig.Ldap config) {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(config.connectTimeoutMillis());
        options.setResponseTimeoutMillis(config.responseTimeoutMillis());
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        SSLUtil ssl = new SSLUtil(trustManager(config));
        List<ServerSet> sets = new ArrayList<>();
        for (String raw : config.servers().split(",")) {
            if (raw.isBlank()) {
                continue;
            }
            try {
                LDAPURL url = new LDAPURL(raw.trim());
                if (url.getScheme().equalsIgnoreCase("ldaps")) {
                    sets.add(new SingleServerSet(url.getHost(), url.getPort(), ssl.createSSLSocketFactory(), options));
                } else if (config.startTls()) {
                    sets.add(new SingleServerSet(url.getHost(), url.getPort(), null, options, null,
                            new StartTLSPostConnectProcessor(ssl.createSSLSocketFactory())));
                } else {
                    sets.add(new SingleServerSet(url.getHost(), url.getPort(), options));
                }
            } catch (LDAPException e) {
                throw new ConfigException("ldap.servers: not an LDAP URL: " + raw.trim());
            } catch (GeneralSecurityException e) {
                throw new ConfigException("ldap: cannot set up TLS: " + e.getMessage());
            }
        }
        if (sets.isEmpty()) {
            throw new ConfigException("ldap.servers names no server");
        }
        FailoverServerSet failover = new FailoverServerSet(sets);
        failover.setMaxFailoverConnectionAgeMillis(FAILOVER_CONNECTION_AGE_MILLIS);
        return failover;
    }

    private static TrustManager trustManager(ParleyConfig.Ldap config) {
        if (config.caCertificate().isBlank()) {
            return JVMDefaultTrustManager.getInstance();
        }
        File pem = new File(config.caCertificate());
        try {
            return new PEMFileTrustManager(pem);
        } catch (Exception e) {
            throw new ConfigException("ldap.caCertificate: cannot read " + pem + ": " + e.getMessage());
        }
    }

    public UserMapping mapping() {
        return mapping;
    }

    public ParleyConfig.Ldap config() {
        return config;
    }

    /**
     * The directory users whose account name under the address scheme is {@code account} (see
     * {@link DirectoryUser#account()}). More than one means the directory holds duplicates (the
     * same ID in two domains, or one URI twice): callers refuse.
     */
    public List<DirectoryUser> findUsers(String account) throws LDAPException {
        SearchResult result = pool.search(new SearchRequest(config.baseDn(), SearchScope.SUB,
                Filter.createANDFilter(userFilter, mapping.accountFilter(account)), mapping.attributes()));
        List<DirectoryUser> users = new ArrayList<>();
        for (SearchResultEntry e : result.getSearchEntries()) {
            DirectoryUser user = mapping.map(e);
            if (account.equals(user.account())) {
                users.add(user);
            }
        }
        return users;
    }

    /**
     * Checks a password by binding as {@code dn}; the pooled connection then returns to the
     * service account. False for wrong credentials; an exception when the directory cannot say.
     */
    public boolean checkPassword(String dn, String password) throws LDAPException {
        if (password.isEmpty()) {
            // An empty password is an unauthenticated bind, which succeeds (RFC 4513 §5.1.2).
            return false;
        }
        try {
            pool.bindAndRevertAuthentication(new SimpleBindRequest(dn, password));
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Streams every user entry to {@code each}, a page at a time (RFC 2696), so that a sync never
     * holds the whole directory. Returns only when the search has completed.
     */
    public void forEachUser(Consumer<DirectoryUser> each) throws LDAPException {
        pagedSearch(userFilter, mapping.attributes(), entry -> each.accept(mapping.map(entry)));
    }

    /** Live contact search: at most {@code limit} users matching {@code criteria} (ANDed with the user filter). */
    public List<DirectoryUser> search(Filter criteria, int limit) throws LDAPException {
        SearchRequest request = new SearchRequest(config.baseDn(), SearchScope.SUB,
                Filter.createANDFilter(userFilter, criteria), mapping.attributes());
        request.setSizeLimit(limit);
        List<DirectoryUser> out = new ArrayList<>();
        try {
            for (SearchResultEntry e : pool.search(request).getSearchEntries()) {
                out.add(mapping.map(e));
            }
        } catch (LDAPSearchException e) {
            if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw e;
            }
            for (SearchResultEntry entry : e.getSearchEntries()) {
                out.add(mapping.map(entry));
            }
        }
        return out;
    }

    /** The group named {@code name} with its member DNs (following AD range retrieval), or empty. */
    public Optional<DirectoryGroup> group(String name) throws LDAPException {
        ParleyConfig.Ldap.Groups groups = config.groups();
        Filter filter;
        try {
            filter = Filter.createANDFilter(Filter.create(groups.filter()),
                    Filter.createEqualityFilter(groups.nameAttribute(), name));
        } catch (LDAPException e) {
            throw new ConfigException("ldap.groups.filter is not an LDAP filter: " + groups.filter());
        }
        SearchResult result = pool.search(config.baseDn(), SearchScope.SUB, filter,
                groups.nameAttribute(), groups.memberAttribute());
        if (result.getEntryCount() == 0) {
            return Optional.empty();
        }
        SearchResultEntry entry = result.getSearchEntries().get(0);
        return Optional.of(new DirectoryGroup(name, entry.getDN(),
                new RangedMembers(pool, groups.memberAttribute()).read(entry)));
    }

    private void pagedSearch(Filter filter, String[] attributes, Consumer<SearchResultEntry> each)
            throws LDAPException {
        SearchResultListener listener = new SearchResultListener() {
            @Override
            public void searchEntryReturned(SearchResultEntry entry) {
                each.accept(entry);
            }

            @Override
            public void searchReferenceReturned(SearchResultReference reference) {
                // Referrals to other directories are not followed: the configured servers are the directory.
            }
        };
        // One connection for the whole sequence: the paging cookie belongs to it.
        LDAPConnection connection = pool.getConnection();
        boolean healthy = false;
        try {
            com.unboundid.asn1.ASN1OctetString cookie = null;
            do {
                SearchRequest request = new SearchRequest(listener, config.baseDn(), SearchScope.SUB, filter, attributes);
                request.addControl(new SimplePagedResultsControl(Math.max(1, config.pageSize()), cookie, false));
                SearchResult result = connection.search(request);
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                cookie = response == null || !response.moreResultsToReturn() ? null : response.getCookie();
            } while (cookie != null);
            healthy = true;
        } finally {
            if (healthy) {
                pool.releaseConnection(connection);
            } else {
                pool.releaseDefunctConnection(connection);
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
