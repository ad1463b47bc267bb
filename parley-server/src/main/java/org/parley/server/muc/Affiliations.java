package org.parley.server.muc;

import java.util.Map;
import java.util.TreeMap;
import org.jxmpp.jid.BareJid;

/** A room's affiliations by bare JID (absent means none); touched on the room's executor only. */
final class Affiliations {

    private final Map<BareJid, Affiliation> byJid = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));

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
    }

    long count(Affiliation affiliation) {
        return byJid.values().stream().filter(a -> a == affiliation).count();
    }

    Map<BareJid, Affiliation> snapshot() {
        return Map.copyOf(byJid);
    }
}
