package org.parley.server.muc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.BareJid;
import org.parley.server.core.Resource;
import org.parley.server.presence.Availability;
import org.parley.server.presence.ComposedPresenceChanged;

/**
 * The composed availability of every online user, as the presence module last announced it, so a
 * room shows occupants as their contacts see them (seed: "determine the presence status of the
 * members displayed within the room"). A join reads it without leaving the room's executor; a
 * change is handed to every room the user's sessions are in. Empty when no presence module runs:
 * occupants are then shown with the presence they sent to the room.
 */
final class ComposedPresences {

    private final Map<BareJid, Availability> composed = new ConcurrentHashMap<>();
    private final MucService service;

    ComposedPresences(MucService service) {
        this.service = service;
    }

    Availability of(BareJid user) {
        return composed.get(user);
    }

    /**
     * On the user's hub executor (the event's thread), so the hub's resources may be read here.
     * The map is written before the rooms are looked up: a join registers its occupancy before
     * reading the map, so one of the two always sees the other.
     */
    void changed(ComposedPresenceChanged event) {
        BareJid user = event.hub().user();
        if (event.composed() == null) {
            composed.remove(user);
        } else {
            composed.put(user, event.composed());
        }
        for (Resource r : event.hub().resources()) {
            for (Room room : service.roomsOf(r.session().jid())) {
                room.composedChanged(user, event.composed());
            }
        }
    }
}
