package org.parley.server.muc;

import org.parley.server.core.StanzaErrorException;
import org.parley.xml.StanzaErrorCondition;

/** XEP-0045 §10.1.1: until its owner configures a new room, only owners may enter it. */
final class RoomLockPolicy implements JoinPolicy {

    @Override
    public StanzaErrorException refusal(Room room, JoinRequest request) {
        if (room.locked && request.affiliation() != Affiliation.OWNER) {
            return new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND,
                    "This room is being created and is locked until its owner configures it");
        }
        return null;
    }
}
