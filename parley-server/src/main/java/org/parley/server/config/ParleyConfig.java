package org.parley.server.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;

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
        Muc muc) {

    public Path dataPath() {
        return Path.of(dataDir);
    }

    /** JDBC settings; an empty url means the embedded H2 file under the data directory. */
    public record Database(String url, String user, String password, int poolSize) {
    }

    public record C2s(String bind, int port, int directTlsPort, int maxStanzaBytes,
                      int idleTimeoutSeconds, int pingIntervalSeconds, int maxOutboundQueue) {
    }

    public record Tls(String certificate, String key, boolean required) {
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
     * Chat rooms (XEP-0045) at {@code <subdomain>.<domain>}, with the seed's limits per node.
     * {@code persistentRoomCreators}: everyone, listed (the bare JIDs or usernames in the
     * comma-separated {@code creators}) or admins (only the admin API and CLI).
     */
    public record Muc(boolean enabled, String subdomain, int maxRooms, int maxPersistentRooms, int maxOccupants,
                      int historyMessages, int mamMaxResults, String persistentRoomCreators, String creators) {
    }
}
