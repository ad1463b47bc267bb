package org.parley.server.muc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/** A room's occupants by nickname and by real JID; touched on the room's executor only. */
final class Occupants {

    private final Map<Resourcepart, Occupant> byNick = new LinkedHashMap<>();
    private final Map<Jid, Resourcepart> byRealJid = new HashMap<>();

    Occupant byNick(Resourcepart nick) {
        return byNick.get(nick);
    }

    Occupant byRealJid(Jid realJid) {
        Resourcepart nick = byRealJid.get(realJid);
        return nick == null ? null : byNick.get(nick);
    }

    /** Occupants whose real bare JID is {@code user} (one per joined session). */
    List<Occupant> ofUser(BareJid user) {
        List<Occupant> out = new ArrayList<>();
        for (Occupant o : byNick.values()) {
            if (o.realJid().asBareJid().equals(user)) {
                out.add(o);
            }
        }
        return out;
    }

    void put(Occupant occupant) {
        Occupant previous = byRealJid(occupant.realJid());
        if (previous != null && !previous.nick().equals(occupant.nick())) {
            byNick.remove(previous.nick());
        }
        byNick.put(occupant.nick(), occupant);
        byRealJid.put(occupant.realJid(), occupant.nick());
    }

    void remove(Occupant occupant) {
        byNick.remove(occupant.nick());
        byRealJid.remove(occupant.realJid());
    }

    List<Occupant> all() {
        return List.copyOf(byNick.values());
    }

    int size() {
        return byNick.size();
    }

    boolean isEmpty() {
        return byNick.isEmpty();
    }
}
