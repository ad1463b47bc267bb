package org.parley.server.muc;

import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.xml.Stanza;

/**
 * Someone in a room: the nickname, the session behind it, the role, and the last presence the
 * occupant sent to the room (what the others see, with the room's own {@code <x/>} added).
 */
public record Occupant(Resourcepart nick, EntityFullJid realJid, Role role, Stanza presence) {

    public Occupant withRole(Role newRole) {
        return new Occupant(nick, realJid, newRole, presence);
    }

    public Occupant withPresence(Stanza newPresence) {
        return new Occupant(nick, realJid, role, newPresence);
    }

    public Occupant withNick(Resourcepart newNick) {
        return new Occupant(newNick, realJid, role, presence);
    }
}
