package org.parley.server.muc;

import org.jxmpp.jid.BareJid;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.StanzaErrorCondition;

/**
 * Who may invite (XEP-0045 §7.8, muc#roomconfig_allowinvites) and what an invitation grants: in a
 * members-only room an invitation by someone allowed to invite makes the invitee a member, so the
 * invitee can enter (the seed: "a user can join by being invited").
 */
final class InvitationPolicy {

    /** Whether the user with {@code affiliation} and (maybe null) occupant may invite. */
    boolean mayInvite(Room room, Affiliation affiliation, Occupant inviter) {
        if (affiliation == Affiliation.OUTCAST) {
            return false;
        }
        if (affiliation.isAdministrative()) {
            return true;
        }
        if (room.config.membersOnly()) {
            return room.config.allowInvites() && affiliation.atLeast(Affiliation.MEMBER);
        }
        // An open room: any occupant with voice, unless invitations are restricted to admins.
        return inviter != null && inviter.role() != Role.VISITOR
                && (room.config.allowInvites() || !room.config.moderated());
    }

    void checkMayInvite(Room room, Affiliation affiliation, Occupant inviter) {
        if (!mayInvite(room, affiliation, inviter)) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "You may not invite others to this room");
        }
    }

    /** Records the membership an accepted invitation grants; true when the affiliations changed. */
    boolean grantMembership(Room room, BareJid invitee) {
        if (room.config.membersOnly() && room.affiliations.of(invitee) == Affiliation.NONE) {
            room.affiliations.set(invitee, Affiliation.MEMBER);
            room.persist();
            return true;
        }
        return false;
    }
}
