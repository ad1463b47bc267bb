package org.parley.server.muc;

import org.parley.server.core.StanzaErrorException;
import org.parley.xml.StanzaErrorCondition;

/** XEP-0045 §7.2.9: a nickname in use by someone else is refused with conflict. */
final class NickConflictPolicy implements JoinPolicy {

    @Override
    public StanzaErrorException refusal(Room room, JoinRequest request) {
        Occupant holder = room.occupants.byNick(request.nick());
        if (holder != null && !holder.realJid().equals(request.realJid())) {
            return new StanzaErrorException(StanzaErrorCondition.CONFLICT, "The nickname " + request.nick() + " is in use");
        }
        return null;
    }
}
