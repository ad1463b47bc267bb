package org.parley.server.directory;

import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.account.AccountService;
import org.parley.server.account.InvalidAccountException;
import org.parley.server.config.ParleyConfig;
import org.parley.server.directory.UserCheckReport.Duplicate;
import org.parley.server.directory.UserCheckReport.Invalid;
import org.parley.server.directory.UserCheckReport.Source;

/**
 * End-user checks ({@code parley users check}): duplicates and invalid users, in Parley's users
 * table and, when one is configured, in the directory. Two values are the same address when
 * they are equal after PRECIS (RFC 8265 UsernameCaseMapped for the local part: case folding and
 * width mapping, so "Alice", "alice" and fullwidth "ａｌｉｃｅ" collide) and, for directory URIs,
 * after domain normalisation too. Blocking (database and LDAP): run on the blocking pool.
 */
public final class UserCheck {

    private final DirectoryStore store;
    private final LdapDirectory directory;
    private final ParleyConfig.Ldap.Mapping mapping;

    /** @param directory null when none is configured: then only the users table is checked */
    public UserCheck(DirectoryStore store, LdapDirectory directory, ParleyConfig.Ldap.Mapping mapping) {
        this.store = store;
        this.directory = directory;
        this.mapping = mapping;
    }

    public UserCheckReport run() throws LDAPException {
        List<Duplicate> duplicates = new ArrayList<>();
        List<Invalid> invalid = new ArrayList<>();
        checkUsers(duplicates, invalid);
        if (directory != null) {
            checkDirectory(duplicates, invalid);
        }
        return new UserCheckReport(duplicates, invalid);
    }

    private void checkUsers(List<Duplicate> duplicates, List<Invalid> invalid) {
        Map<String, List<String>> byUserId = new TreeMap<>();
        Map<String, List<String>> byUri = new TreeMap<>();
        for (UserRecord u : store.all()) {
            String normalized = normalizedUserId(u.username());
            if (normalized == null) {
                invalid.add(new Invalid(Source.USERS, u.username(), "not a valid JID local part: the user has no address"));
            } else {
                byUserId.computeIfAbsent(normalized, k -> new ArrayList<>()).add(u.username());
                if (!normalized.equals(u.username())) {
                    invalid.add(new Invalid(Source.USERS, u.username(), "stored unnormalised: addresses for it "
                            + "normalise to '" + normalized + "', so it cannot sign in or receive messages"));
                }
            }
            if (u.directoryUri() != null) {
                String uri = normalizedUri(u.directoryUri());
                if (uri == null) {
                    invalid.add(new Invalid(Source.USERS, u.username(),
                            "directory URI '" + u.directoryUri() + "' is not a valid JID"));
                } else {
                    byUri.computeIfAbsent(uri, k -> new ArrayList<>()).add(u.username());
                }
            } else if (u.fromDirectory() && mapped(mapping.directoryUri())) {
                invalid.add(new Invalid(Source.USERS, u.username(),
                        "no directory URI (directory attribute " + mapping.directoryUri() + " is empty)"));
            }
        }
        collect(Source.USERS, "userId", byUserId, duplicates);
        collect(Source.USERS, "directoryUri", byUri, duplicates);
    }

    private void checkDirectory(List<Duplicate> duplicates, List<Invalid> invalid) throws LDAPException {
        Map<String, List<String>> byUserId = new TreeMap<>();
        Map<String, List<String>> byUri = new TreeMap<>();
        directory.forEachUser(u -> {
            if (u.rawUserId() == null) {
                invalid.add(new Invalid(Source.DIRECTORY, u.dn(), "missing mapped attribute " + mapping.userId()
                        + " (ldap.mapping.userId)"));
            } else if (u.userId() == null) {
                invalid.add(new Invalid(Source.DIRECTORY, u.dn(), mapping.userId() + " '" + u.rawUserId()
                        + "' yields no valid JID local part"));
            } else {
                byUserId.computeIfAbsent(u.userId(), k -> new ArrayList<>()).add(u.dn() + " (" + u.rawUserId() + ")");
            }
            if (u.directoryUri() == null) {
                if (mapped(mapping.directoryUri())) {
                    invalid.add(new Invalid(Source.DIRECTORY, u.dn(), "missing mapped attribute "
                            + mapping.directoryUri() + " (ldap.mapping.directoryUri)"));
                }
            } else {
                String uri = normalizedUri(u.directoryUri());
                if (uri == null) {
                    invalid.add(new Invalid(Source.DIRECTORY, u.dn(),
                            "directory URI '" + u.directoryUri() + "' is not a valid JID"));
                } else {
                    byUri.computeIfAbsent(uri, k -> new ArrayList<>()).add(u.dn() + " (" + u.directoryUri() + ")");
                }
            }
        });
        collect(Source.DIRECTORY, "userId", byUserId, duplicates);
        collect(Source.DIRECTORY, "directoryUri", byUri, duplicates);
    }

    private static void collect(Source source, String kind, Map<String, List<String>> groups, List<Duplicate> out) {
        groups.forEach((key, entries) -> {
            if (entries.size() > 1) {
                out.add(new Duplicate(source, kind, key, entries));
            }
        });
    }

    private static boolean mapped(String attribute) {
        return attribute != null && !attribute.isBlank();
    }

    /** The PRECIS form of a username, or null when it has none. */
    static String normalizedUserId(String username) {
        try {
            return AccountService.normalize(username);
        } catch (InvalidAccountException e) {
            return null;
        }
    }

    /** A directory URI (user@domain, optionally "sip:") as a normalised bare JID, or null when it is not one. */
    static String normalizedUri(String uri) {
        String v = Objects.requireNonNull(uri).trim();
        if (v.regionMatches(true, 0, "sip:", 0, 4)) {
            v = v.substring(4);
        }
        try {
            EntityBareJid jid = JidCreate.entityBareFrom(v);
            return jid.toString();
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return null;
        }
    }
}
