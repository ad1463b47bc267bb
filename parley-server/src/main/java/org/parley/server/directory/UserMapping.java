package org.parley.server.directory;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.account.AccountNames;
import org.parley.server.account.AccountService;
import org.parley.server.account.InvalidAccountException;
import org.parley.server.addressing.AddressScheme;
import org.parley.server.config.ParleyConfig;

/**
 * Turns directory entries into {@link DirectoryUser}s with the configured attribute mapping
 * ({@code ldap.mapping.*}). The user ID attribute is global for the deployment (the seed warns
 * against mixing): a value with '@' (userPrincipalName, mail) contributes the part before it,
 * and a phone number loses its spaces, dashes and parentheses, so each yields a valid localpart.
 * The address scheme decides which of the user ID and the directory URI names the account.
 */
public final class UserMapping {

    private final ParleyConfig.Ldap.Mapping mapping;
    private final AddressScheme scheme;
    private final AccountNames names;

    /** Under the userid scheme. */
    public UserMapping(ParleyConfig.Ldap.Mapping mapping) {
        this(mapping, AddressScheme.USERID, null);
    }

    /** @param defaultDomain the default IM domain (its users' account names are bare localparts) */
    public UserMapping(ParleyConfig.Ldap.Mapping mapping, AddressScheme scheme, DomainBareJid defaultDomain) {
        if (scheme == AddressScheme.DIRECTORY_URI && (mapping.directoryUri() == null || mapping.directoryUri().isBlank())) {
            throw new org.parley.server.config.ConfigException(
                    "addressing.scheme directoryUri needs ldap.mapping.directoryUri (mail or msRTCSIP-PrimaryUserAddress)");
        }
        this.mapping = mapping;
        this.scheme = scheme;
        this.names = defaultDomain == null ? null : new AccountNames(defaultDomain);
    }

    public AddressScheme scheme() {
        return scheme;
    }

    /** The attributes to request in searches. */
    public String[] attributes() {
        Set<String> names = new LinkedHashSet<>();
        for (String a : new String[] {mapping.userId(), mapping.displayName(), mapping.email(), mapping.phone(),
                mapping.department(), mapping.directoryUri(), mapping.photo(), "cn", "givenName", "sn"}) {
            if (a != null && !a.isBlank()) {
                names.add(a);
            }
        }
        return names.toArray(String[]::new);
    }

    public DirectoryUser map(Entry entry) {
        String raw = entry.getAttributeValue(mapping.userId());
        String displayName = value(entry, mapping.displayName());
        if (displayName == null) {
            displayName = entry.getAttributeValue("cn");
        }
        String uri = value(entry, mapping.directoryUri());
        if (uri != null) {
            uri = uri.toLowerCase(Locale.ROOT);
            if (uri.startsWith("sip:")) {
                uri = uri.substring(4);
            }
        }
        byte[] photo = mapping.photo() == null || mapping.photo().isBlank() ? null
                : entry.getAttributeValueBytes(mapping.photo());
        String userId = userId(raw);
        return new DirectoryUser(entry.getDN(), raw, userId, displayName, value(entry, mapping.email()),
                value(entry, mapping.phone()), value(entry, mapping.department()), uri, photo,
                scheme.accountName(userId, uri, names));
    }

    /** The Parley username a user ID attribute value yields, or null when it yields none. */
    public static String userId(String raw) {
        if (raw == null) {
            return null;
        }
        String local = raw.trim();
        int at = local.indexOf('@');
        if (at >= 0) {
            local = local.substring(0, at);
        }
        if (local.startsWith("+") || local.matches("[0-9 ()./-]+")) {
            local = local.replaceAll("[\\s()./-]", "");
        }
        try {
            return AccountService.normalize(local);
        } catch (InvalidAccountException e) {
            return null;
        }
    }

    /**
     * Entries that may be the account {@code account} under the scheme: by user ID (see
     * {@link #userIdFilter}), or by directory URI (with and without "sip:"). Matching rules of
     * these attributes ignore case. {@link LdapDirectory#findUsers} keeps only exact mappings.
     */
    public Filter accountFilter(String account) {
        if (scheme == AddressScheme.USERID) {
            return userIdFilter(account);
        }
        EntityBareJid jid = names.jid(account);
        return Filter.createORFilter(Filter.createEqualityFilter(mapping.directoryUri(), jid.toString()),
                Filter.createEqualityFilter(mapping.directoryUri(), "sip:" + jid));
    }

    /**
     * Entries that may map to {@code userId}: an exact value, or (for '@' forms) one starting
     * with {@code userId@}. {@link LdapDirectory#findUsers} keeps only exact mappings.
     */
    public Filter userIdFilter(String userId) {
        return Filter.createORFilter(Filter.createEqualityFilter(mapping.userId(), userId),
                Filter.createSubstringFilter(mapping.userId(), userId + "@", null, null));
    }

    private static String value(Entry entry, String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return null;
        }
        String v = entry.getAttributeValue(attribute);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
