package org.parley.bench;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A directory to benchmark against: an UnboundID in-memory LDAP server on a loopback port,
 * holding {@code users} Active-Directory-shaped users ({@code sAMAccountName}, displayName,
 * mail, telephoneNumber, department) named by the bench's account pattern, all with the same
 * password, and a service account Parley binds as. Entries are generated, never read from a
 * file, so any size is reproducible.
 *
 * @see #start(Settings)
 */
public final class LdapFixture implements AutoCloseable {

    /** What to generate. {@code port} 0 picks a free port. */
    public record Settings(int port, String baseDn, int users, Accounts accounts, String serviceDn,
                           String servicePassword) {

        public static Settings defaults(int port, int users, Accounts accounts) {
            return new Settings(port, "dc=bench,dc=test", users, accounts, "cn=parley,ou=service,dc=bench,dc=test",
                    "service-secret");
        }
    }

    private final InMemoryDirectoryServer server;
    private final Settings settings;

    private LdapFixture(InMemoryDirectoryServer server, Settings settings) {
        this.server = server;
        this.settings = settings;
    }

    public static LdapFixture start(Settings s) throws LDAPException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(s.baseDn());
        config.setSchema(schema());
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
                s.port(), null));
        // A real directory indexes the sign-in attribute; without it every sign-in would scan all
        // entries and the figures would measure the fixture instead of Parley. Only that one: the
        // in-memory server answers an AND from the first indexed component it meets, and an
        // objectClass index would hand it every user.
        config.setEqualityIndexAttributes("sAMAccountName");
        config.addInMemoryOperationInterceptor(new IndexedUserIdLookup("sAMAccountName"));
        config.addAdditionalBindCredentials(s.serviceDn(), s.servicePassword());
        // Nothing is audited or logged: the bench wants the directory as cheap as it can be.
        config.setAccessLogHandler(null);
        config.setLDAPDebugLogHandler(null);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.addEntries(entries(s));
        server.startListening();
        return new LdapFixture(server, s);
    }

    /**
     * The standard schema plus the few Active Directory definitions the users carry (OIDs as AD
     * assigns them). A schema is needed at all because the in-memory server only indexes
     * attributes it knows.
     */
    static Schema schema() throws LDAPException {
        Entry ad = new Entry("cn=schema");
        ad.addAttribute("objectClass", "top", "ldapSubentry", "subschema");
        ad.addAttribute("attributeTypes",
                "( 1.2.840.113556.1.4.221 NAME 'sAMAccountName' EQUALITY caseIgnoreMatch"
                        + " SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )",
                "( 1.2.840.113556.1.2.141 NAME 'department' EQUALITY caseIgnoreMatch"
                        + " SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )");
        ad.addAttribute("objectClasses", "( 1.2.840.113556.1.5.9 NAME 'user' SUP organizationalPerson STRUCTURAL"
                + " MAY ( sAMAccountName $ department $ displayName $ mail $ givenName ) )");
        return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), new Schema(ad));
    }

    /** The base entries, then the users in index order (the bench signs in users 0..n-1). */
    static List<Entry> entries(Settings s) {
        List<Entry> out = new ArrayList<>(s.users() + 3);
        String dc = s.baseDn().split(",")[0].split("=")[1];
        out.add(new Entry(s.baseDn(), new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "domain"),
                new com.unboundid.ldap.sdk.Attribute("dc", dc)));
        out.add(ou("people", s.baseDn()));
        out.add(ou("service", s.baseDn()));
        for (int i = 0; i < s.users(); i++) {
            out.add(user(s, i));
        }
        return out;
    }

    static Entry user(Settings s, int i) {
        String name = s.accounts().user(i);
        Entry e = new Entry("cn=" + name + ",ou=people," + s.baseDn());
        e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
        e.addAttribute("cn", name);
        e.addAttribute("sn", "Number " + (s.accounts().first() + i));
        e.addAttribute("givenName", "Bench");
        e.addAttribute("sAMAccountName", name);
        e.addAttribute("displayName", "Bench User " + (s.accounts().first() + i));
        e.addAttribute("mail", name + "@bench.test");
        e.addAttribute("telephoneNumber", String.format(Locale.ROOT, "+1 555 %07d", i));
        e.addAttribute("department", "Department " + (i % 40));
        e.addAttribute("userPassword", s.accounts().password());
        return e;
    }

    private static Entry ou(String name, String base) {
        return new Entry("ou=" + name + "," + base, new com.unboundid.ldap.sdk.Attribute("objectClass", "top",
                "organizationalUnit"), new com.unboundid.ldap.sdk.Attribute("ou", name));
    }

    public int port() {
        return server.getListenPort();
    }

    public Settings settings() {
        return settings;
    }

    /** The {@code --set} arguments that point Parley at this directory. */
    public List<String> parleySettings(boolean auth) {
        return List.of("ldap.servers=ldap://127.0.0.1:" + port(), "ldap.baseDn=" + settings.baseDn(),
                "ldap.bindDn=" + settings.serviceDn(), "ldap.bindPassword=" + settings.servicePassword(),
                "ldap.auth=" + auth);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
