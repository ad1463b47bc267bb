package org.parley.server.blocking;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.Jid;

/**
 * An in-memory mirror of every user's block list, read lock-free by the interceptor on any
 * thread. All of it, not only online users': a stanza to an offline user must be judged at once,
 * without waiting on the database, and block lists are small (the whole table is typically a
 * few entries per blocking user). Written through after each committed change.
 */
final class BlockLists {

    private final Map<String, Set<String>> lists = new ConcurrentHashMap<>();

    Set<String> of(String username) {
        return lists.getOrDefault(username, Set.of());
    }

    void set(String username, Set<String> blocked) {
        if (blocked.isEmpty()) {
            lists.remove(username);
        } else {
            lists.put(username, Set.copyOf(blocked));
        }
    }

    void putAll(Map<String, Set<String>> all) {
        all.forEach(this::set);
    }

    /** Whether {@code username}'s list blocks {@code other}. */
    boolean blocks(String username, Jid other) {
        Set<String> items = lists.get(username);
        return items != null && matches(items, other);
    }

    /**
     * XEP-0191 §4 (as XEP-0016): an item matches that full JID, its bare JID, its domain/resource,
     * or its domain, a domain also matching everything at its subdomains.
     */
    static boolean matches(Set<String> items, Jid jid) {
        if (items.contains(jid.toString()) || items.contains(jid.asBareJid().toString())) {
            return true;
        }
        String domain = jid.getDomain().toString();
        if (jid.hasResource() && items.contains(domain + "/" + jid.getResourceOrNull())) {
            return true;
        }
        for (String d = domain; ; ) {
            if (items.contains(d)) {
                return true;
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                return false;
            }
            d = d.substring(dot + 1);
        }
    }
}
