package org.parley.server.muc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * A room's occupants by nickname and by session; touched on the room's executor only, except
 * {@link #size()}, which the room directory reads from any thread.
 */
final class Occupants {

    private final Map<Resourcepart, Occupant> byNick = new LinkedHashMap<>();
    private final Map<Jid, Resourcepart> bySession = new HashMap<>();
    private volatile int size;

    Occupant byNick(Resourcepart nick) {
        return nick == null ? null : byNick.get(nick);
    }

    /** The occupant one of whose sessions is {@code session}. */
    Occupant byRealJid(Jid session) {
        Resourcepart nick = bySession.get(session);
        return nick == null ? null : byNick.get(nick);
    }

    /** Occupants whose user is {@code user} (a user may be in a room under several nicknames). */
    List<Occupant> ofUser(BareJid user) {
        List<Occupant> out = new ArrayList<>();
        for (Occupant o : byNick.values()) {
            if (o.user().equals(user)) {
                out.add(o);
            }
        }
        return out;
    }

    /** Adds or replaces the occupant under its nickname; its sessions now point to it. */
    void put(Occupant occupant) {
        Occupant previous = byNick.put(occupant.nick(), occupant);
        if (previous != null) {
            for (EntityFullJid jid : previous.jids()) {
                bySession.remove(jid);
            }
        }
        for (EntityFullJid jid : occupant.jids()) {
            bySession.put(jid, occupant.nick());
        }
        size = byNick.size();
    }

    void remove(Occupant occupant) {
        Occupant removed = byNick.remove(occupant.nick());
        if (removed != null) {
            for (EntityFullJid jid : removed.jids()) {
                bySession.remove(jid);
            }
        }
        size = byNick.size();
    }

    List<Occupant> all() {
        return List.copyOf(byNick.values());
    }

    /** How many nicknames are in the room (several sessions under one nickname count once). */
    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
