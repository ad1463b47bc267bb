package org.parley.server.muc;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.StanzaErrorCondition;

/**
 * XEP-0045 §7.2.9: a nickname in use by someone else, or reserved for someone else (§7.10), is
 * refused with conflict. The same user may use a nickname from several sessions at once.
 */
final class NickConflictPolicy implements JoinPolicy {

    @Override
    public StanzaErrorException refusal(Room room, JoinRequest request) {
        return conflict(room, request.nick(), request.realJid().asBareJid());
    }

    /** The conflict {@code user} taking {@code nick} would cause, or null when it may. */
    static StanzaErrorException conflict(Room room, Resourcepart nick, BareJid user) {
        Occupant holder = room.occupants.byNick(nick);
        if (holder != null && !holder.user().equals(user)) {
            return new StanzaErrorException(StanzaErrorCondition.CONFLICT, "The nickname " + nick + " is in use");
        }
        BareJid owner = room.affiliations.reservedBy(nick);
        if (owner != null && !owner.equals(user)) {
            return new StanzaErrorException(StanzaErrorCondition.CONFLICT,
                    "The nickname " + nick + " is registered to another user of this room");
        }
        return null;
    }
}
