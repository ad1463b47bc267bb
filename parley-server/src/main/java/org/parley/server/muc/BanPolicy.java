package org.parley.server.muc;

import org.parley.server.core.StanzaErrorException;
import org.parley.xml.StanzaErrorCondition;

/** XEP-0045 §7.2.7: an outcast may not enter. */
final class BanPolicy implements JoinPolicy {

    @Override
    public StanzaErrorException refusal(Room room, JoinRequest request) {
        if (request.affiliation() == Affiliation.OUTCAST) {
            return new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "You are banned from this room");
        }
        return null;
    }
}
