package org.parley.server.muc;

import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.presence.Availability;
import org.parley.xml.Stanza;

/**
 * Someone in a room: the nickname, the session behind it, the role, the last presence the
 * occupant sent to the room (what the others see, with the room's own {@code <x/>} added), and
 * the user's composed availability (manual, phone, calendar... over devices) when the presence
 * module knows one: the others see that show and status, as a contact on a roster would.
 */
public record Occupant(Resourcepart nick, EntityFullJid realJid, Role role, Stanza presence, Availability composed) {

    public Occupant withRole(Role newRole) {
        return new Occupant(nick, realJid, newRole, presence, composed);
    }

    public Occupant withPresence(Stanza newPresence) {
        return new Occupant(nick, realJid, role, newPresence, composed);
    }

    public Occupant withNick(Resourcepart newNick) {
        return new Occupant(newNick, realJid, role, presence, composed);
    }

    public Occupant withComposed(Availability newComposed) {
        return new Occupant(nick, realJid, role, presence, newComposed);
    }
}
