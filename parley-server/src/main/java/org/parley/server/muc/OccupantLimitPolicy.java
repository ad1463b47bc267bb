package org.parley.server.muc;

import org.parley.server.core.StanzaErrorException;
import org.parley.xml.StanzaErrorCondition;

/**
 * XEP-0045 §7.2.10: a full room refuses with service-unavailable. The cap is the room's maxusers,
 * never above muc.maxOccupants (the seed's 1,000). Owners and admins still get in, so a full room
 * can always be moderated, and so does another session of an occupant (it adds nobody).
 */
final class OccupantLimitPolicy implements JoinPolicy {

    @Override
    public StanzaErrorException refusal(Room room, JoinRequest request) {
        int limit = room.occupantLimit();
        Occupant holder = room.occupants.byNick(request.nick());
        if (holder != null && holder.user().equals(request.realJid().asBareJid())) {
            return null;
        }
        if (room.occupants.size() >= limit && !request.affiliation().isAdministrative()) {
            return new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, "wait",
                    "This room is full (at most " + limit + " occupants)");
        }
        return null;
    }
}
