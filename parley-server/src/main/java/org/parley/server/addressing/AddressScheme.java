package org.parley.server.addressing;

import java.util.Locale;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.account.AccountNames;
import org.parley.server.config.ConfigException;

/**
 * How a directory user's JID is formed ({@code addressing.scheme}), global for the deployment:
 * the seed warns that mixing schemes makes the same person reachable at two addresses.
 */
public enum AddressScheme {

    /** Every JID is {@code <user ID>@<default domain>}, the user ID from {@code ldap.mapping.userId}. */
    USERID("userid"),

    /** The JID is the directory URI ({@code ldap.mapping.directoryUri}), in whatever domain it names. */
    DIRECTORY_URI("directoryUri");

    private final String configName;

    AddressScheme(String configName) {
        this.configName = configName;
    }

    /** The name used in the configuration, the database and the CLI. */
    public String configName() {
        return configName;
    }

    /** The scheme a configuration value names (case-insensitive); ConfigException for anything else. */
    public static AddressScheme parse(String value) {
        for (AddressScheme s : values()) {
            if (s.configName.equalsIgnoreCase(value == null ? "" : value.trim())) {
                return s;
            }
        }
        throw new ConfigException("addressing.scheme must be userid or directoryUri, not " + value);
    }

    /**
     * The account name (see {@link AccountNames}) of a directory user under this scheme, or null
     * when the user has no valid address under it (missing attribute, not a JID).
     *
     * @param userId       the Parley user ID the user's userId attribute yields (a normalised localpart), or null
     * @param directoryUri the user's directory URI (user@domain, a "sip:" prefix allowed), or null
     */
    public String accountName(String userId, String directoryUri, AccountNames names) {
        if (this == USERID) {
            return userId;
        }
        EntityBareJid jid = uriJid(directoryUri);
        return jid == null ? null : names.of(jid);
    }

    /** A directory URI as a bare JID, or null when it is none. */
    public static EntityBareJid uriJid(String directoryUri) {
        if (directoryUri == null || directoryUri.isBlank()) {
            return null;
        }
        String v = directoryUri.trim();
        if (v.regionMatches(true, 0, "sip:", 0, 4)) {
            v = v.substring(4);
        }
        try {
            return JidCreate.entityBareFrom(v.toLowerCase(Locale.ROOT));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return configName;
    }
}
