package org.parley.server.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.account.AccountService;
import org.parley.server.account.InvalidAccountException;
import org.parley.server.roster.Subscription;

/**
 * The field values both file formats share, checked the same way: each method returns the value
 * or throws IllegalArgumentException with a message for the operator.
 */
final class ContactFields {

    private ContactFields() {
    }

    static String user(String raw) {
        try {
            return AccountService.normalize(raw == null ? "" : raw.trim());
        } catch (InvalidAccountException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    static BareJid contact(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("the contact JID is missing");
        }
        Jid jid;
        try {
            jid = JidCreate.from(raw.trim());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid JID: " + raw);
        }
        if (jid.hasResource()) {
            throw new IllegalArgumentException("a contact is a bare JID, without a resource: " + raw);
        }
        return jid.asBareJid();
    }

    static Subscription subscription(String raw) {
        String v = raw == null || raw.isBlank() ? "none" : raw.trim().toLowerCase(Locale.ROOT);
        for (Subscription s : Subscription.values()) {
            if (s.value().equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("subscription must be none, to, from or both, not '" + raw + "'");
    }

    /** RFC 6121's ask attribute: only "subscribe" (a pending outbound request) or nothing. */
    static boolean ask(String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        if (raw.trim().equals("subscribe")) {
            return true;
        }
        throw new IllegalArgumentException("ask must be 'subscribe' or empty, not '" + raw + "'");
    }

    static boolean flag(String raw, String field, boolean absent) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(field + " must be true or false, not '" + raw + "'");
        };
    }

    static String name(String raw) {
        return raw == null || raw.isEmpty() ? null : raw;
    }

    /** Groups in one field, ';'-separated, with '\' escaping ';' and itself, so any group name round-trips. */
    static String encodeGroups(List<String> groups) {
        StringBuilder out = new StringBuilder();
        for (String g : groups) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(g.replace("\\", "\\\\").replace(";", "\\;"));
        }
        return out.toString();
    }

    static List<String> decodeGroups(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                if (i + 1 == raw.length()) {
                    throw new IllegalArgumentException("groups end with a lone '\\'");
                }
                current.append(raw.charAt(++i));
            } else if (c == ';') {
                addGroup(out, current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addGroup(out, current.toString());
        return out;
    }

    private static void addGroup(List<String> groups, String group) {
        if (group.isEmpty()) {
            throw new IllegalArgumentException("a group name is empty");
        }
        if (groups.contains(group)) {
            throw new IllegalArgumentException("group '" + group + "' is listed twice");
        }
        groups.add(group);
    }
}
