package org.parley.server.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole server configuration, bound from {@code parley.yaml} over the built-in defaults
 * ({@code parley-defaults.yaml}) with {@code --set key=value} overrides on top.
 * Every key is documented in {@code config/parley.example.yaml}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ParleyConfig(
        String domain,
        String dataDir,
        Database database,
        C2s c2s,
        Tls tls,
        Http http,
        Registration registration,
        Im im,
        Presence presence,
        Offline offline,
        Forking forking,
        Broadcast broadcast,
        Auth auth,
        VCard vcard,
        Version version,
        Ldap ldap,
        Search search,
        RichPresence richpresence,
        Muc muc,
        Dns dns,
        Addressing addressing) {

    public Path dataPath() {
        return Path.of(dataDir);
    }

    /** JDBC settings; an empty url means the embedded H2 file under the data directory. */
    public record Database(String url, String user, String password, int poolSize) {
    }

    public record C2s(String bind, int port, int directTlsPort, int maxStanzaBytes,
                      int idleTimeoutSeconds, int pingIntervalSeconds, int maxOutboundQueue, String transport) {
    }

    /**
     * @param domainCertificates a directory of per-domain certificates ({@code <domain>.crt} with its chain
     *                           and {@code <domain>.key}), chosen by the name the client asks for (SNI);
     *                           empty: none, the main certificate serves every domain
     */
    public record Tls(String certificate, String key, boolean required, String domainCertificates) {
    }

    public record Http(String bind, int port) {
    }

    public record Registration(boolean inBand) {
    }

    public record Im(boolean enabled) {
    }

    public record Presence(boolean sharing) {
    }

    public record Offline(boolean enabled, int maxMessagesPerUser) {
    }

    public record Forking(int idleSeconds) {
    }

    public record Broadcast(int maxRecipients) {
    }

    public record Auth(int scramIterations, int failedSignInsBeforeDelay) {
    }

    /** vCard-temp (XEP-0054): the largest vCard a user may store, in bytes of XML. */
    public record VCard(int maxBytes) {
    }

    /** Software version (XEP-0092): whether the reply names the operating system (off: it helps attackers). */
    public record Version(boolean showOs) {
    }

    /**
     * The LDAP directory (Active Directory, OpenLDAP): sign-in by bind, user sync, shared roster
     * groups and live contact search. An empty {@code servers} turns all of it off.
     *
     * @param servers   comma-separated ldap:// or ldaps:// URLs, tried in order (failover)
     * @param caCertificate PEM file of the CA that signed the directory's certificate; empty: the JVM's trust store
     * @param maxQueuedSignIns sign-ins that may wait for a directory connection; beyond it sign-in answers
     *                         temporary-auth-failure at once rather than queueing work nobody may wait for
     */
    public record Ldap(String servers, boolean startTls, String caCertificate, String bindDn, String bindPassword,
                       String baseDn, String userFilter, boolean auth, int poolSize, int connectTimeoutMillis,
                       int responseTimeoutMillis, int pageSize, int maxQueuedSignIns, Mapping mapping, Sync sync,
                       Groups groups) {

        public boolean configured() {
            return servers != null && !servers.isBlank();
        }

        /** Directory attribute names for each Parley user property; an empty name maps nothing. */
        public record Mapping(String userId, String displayName, String email, String phone, String department,
                              String directoryUri, String photo) {
        }

        /** @param intervalSeconds 0: no scheduled sync (on demand only) */
        public record Sync(int intervalSeconds) {
        }

        /**
         * Directory groups that become shared roster groups.
         *
         * @param shared comma-separated group names (cn); empty: none
         */
        public record Groups(String filter, String nameAttribute, String memberAttribute, String shared) {
        }
    }

    /** Contact search (XEP-0055) at search.&lt;domain&gt;. */
    public record Search(boolean enabled, int maxResults) {
    }

    /**
     * Rich presence (issue 5): the order in which the composer listens to its inputs (names:
     * manual, phone, calendar, apps, devices; the first with an opinion wins), the status texts it
     * writes, the calendar source and the accounts allowed to publish presence for others.
     */
    public record RichPresence(List<String> precedence, Phone phone, Calendar calendar, List<String> appAccounts,
                               boolean offlineStatus) {

        public record Phone(String busyStatus, String dndStatus) {
        }

        /** {@code source}: none, ics, caldav or caldav-freebusy; {@code url} may contain {user}, {domain} and {jid}. */
        public record Calendar(String source, String url, String user, String password, int pollSeconds,
                               String meetingStatus, String tentativeStatus, String outOfOfficeStatus,
                               boolean tentativeIsBusy) {
        }
    }

    /**
     * Chat rooms (XEP-0045) at {@code <subdomain>.<domain>}, with the seed's limits per node.
     * {@code persistentRoomCreators}: everyone, listed (the bare JIDs or usernames in the
     * comma-separated {@code creators}) or admins (only the admin API and CLI).
     */
    public record Muc(boolean enabled, String subdomain, int maxRooms, int maxPersistentRooms, int maxOccupants,
                      int historyMessages, int mamMaxResults, String persistentRoomCreators, String creators) {
    }

    /**
     * What {@code bin/parley domain list --dns} prints in the SRV records: the host clients and
     * servers connect to (empty: the default domain) and the server-to-server port.
     */
    public record Dns(String host, int serverPort) {
    }

    /**
     * How users' JIDs are formed (global for the deployment): {@code userid} — every JID is
     * {@code <user ID>@<domain>}; {@code directoryUri} — a directory user's JID is their directory
     * URI ({@code ldap.mapping.directoryUri}), in whatever domain it names.
     */
    public record Addressing(String scheme) {
    }
}
