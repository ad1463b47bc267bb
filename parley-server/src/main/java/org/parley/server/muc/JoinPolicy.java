package org.parley.server.muc;

import org.parley.server.core.StanzaErrorException;

/**
 * One rule about who may enter a room (password, members-only, bans, the occupant limit...).
 * Each is a small class of its own; the join handler asks them in order and the first refusal
 * becomes the error presence, with the XEP-0045 §7.2 condition for that case.
 */
@FunctionalInterface
interface JoinPolicy {

    /** The refusal, or null to let the request through. Called on the room's executor. */
    StanzaErrorException refusal(Room room, JoinRequest request);
}
