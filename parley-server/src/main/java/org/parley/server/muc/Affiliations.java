package org.parley.server.muc;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A room's affiliations by bare JID (absent means none) and the nicknames its members registered
 * (XEP-0045 §7.10); touched on the room's executor only. A reservation belongs to a member, admin
 * or owner: it goes when the user loses the affiliation or is banned (§9.1).
 */
final class Affiliations {

    private final Map<BareJid, Affiliation> byJid = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    private final Map<BareJid, Resourcepart> nicks = new HashMap<>();

    Affiliations(Map<BareJid, Affiliation> initial) {
        initial.forEach(this::set);
    }

    Affiliation of(BareJid jid) {
        return byJid.getOrDefault(jid, Affiliation.NONE);
    }

    void set(BareJid jid, Affiliation affiliation) {
        if (affiliation == Affiliation.NONE) {
            byJid.remove(jid);
        } else {
            byJid.put(jid, affiliation);
        }
        if (!affiliation.atLeast(Affiliation.MEMBER)) {
            nicks.remove(jid);
        }
    }

    long count(Affiliation affiliation) {
        return byJid.values().stream().filter(a -> a == affiliation).count();
    }

    Map<BareJid, Affiliation> snapshot() {
        return Map.copyOf(byJid);
    }

    /** The nickname {@code jid} registered, or null. */
    Resourcepart reservedNick(BareJid jid) {
        return nicks.get(jid);
    }

    /** Who registered {@code nick}, or null when nobody did. */
    BareJid reservedBy(Resourcepart nick) {
        for (Map.Entry<BareJid, Resourcepart> e : nicks.entrySet()) {
            if (e.getValue().equals(nick)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Reserves {@code nick} for a user who is at least a member (the caller checks conflicts). */
    void reserve(BareJid jid, Resourcepart nick) {
        if (!of(jid).atLeast(Affiliation.MEMBER)) {
            throw new IllegalStateException(jid + " is not affiliated with the room");
        }
        nicks.put(jid, nick);
    }

    void release(BareJid jid) {
        nicks.remove(jid);
    }

    Map<BareJid, Resourcepart> reservedNicks() {
        return Map.copyOf(nicks);
    }
}
