package org.parley.server.muc;

import org.parley.server.core.StanzaErrorException;
import org.parley.xml.StanzaErrorCondition;

/**
 * Who may speak, change the subject and send private messages (XEP-0045 §5.1.1, §7.5, §8.1), and
 * who may change whose role (§8.2–8.6, §9.6–9.7). Each check throws the error the XEP names.
 */
final class ModerationPolicy {

    /** §7.9 / §8.4: only occupants speak, and visitors not at all. */
    void checkMaySpeak(Occupant sender) {
        if (sender == null) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "Only occupants may send messages to this room");
        }
        if (sender.role() == Role.VISITOR) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Visitors may not speak in this moderated room");
        }
    }

    /** §8.1: moderators always; participants when the room allows it. */
    void checkMaySetSubject(Room room, Occupant sender) {
        checkMaySpeak(sender);
        if (sender.role() != Role.MODERATOR && !room.config.changeSubject()) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only moderators may change the subject");
        }
    }

    /** §7.5 and muc#roomconfig_allowpm. */
    void checkMaySendPrivate(Room room, Occupant sender) {
        if (sender == null) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "Only occupants may send private messages");
        }
        boolean allowed = switch (room.config.allowPm()) {
            case "none" -> false;
            case "moderators" -> sender.role() == Role.MODERATOR;
            case "participants" -> sender.role() != Role.VISITOR;
            default -> true;
        };
        if (!allowed) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Private messages are not allowed here");
        }
    }

    /**
     * §8.2–8.6, §9.6: a moderator changes participants' and visitors' roles (kick, voice); granting
     * or revoking moderator needs an admin or owner; nobody touches a higher or equal admin or owner.
     */
    void checkMayChangeRole(Room room, Occupant actor, Occupant target, Role newRole) {
        if (actor == null || actor.role() != Role.MODERATOR) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only moderators may change roles");
        }
        Affiliation actorAffiliation = room.affiliationOf(actor.user());
        if (room.affiliationOf(target.user()).isAdministrative()) {
            // §8.2, §8.4: admins and owners lose their role only by losing their affiliation.
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED,
                    "The role of an admin or owner cannot be changed");
        }
        if ((newRole == Role.MODERATOR || target.role() == Role.MODERATOR) && !actorAffiliation.isAdministrative()) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED,
                    "Only admins and owners may grant or revoke moderator");
        }
    }
}
