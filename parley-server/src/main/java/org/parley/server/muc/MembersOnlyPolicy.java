package org.parley.server.muc;

import org.parley.server.core.StanzaErrorException;
import org.parley.xml.StanzaErrorCondition;

/** XEP-0045 §7.2.6: a members-only room admits members, admins and owners only. */
final class MembersOnlyPolicy implements JoinPolicy {

    @Override
    public StanzaErrorException refusal(Room room, JoinRequest request) {
        if (room.config.membersOnly() && !request.affiliation().atLeast(Affiliation.MEMBER)) {
            return new StanzaErrorException(StanzaErrorCondition.REGISTRATION_REQUIRED,
                    "This room is for members only; ask an owner or admin for an invitation");
        }
        return null;
    }
}
