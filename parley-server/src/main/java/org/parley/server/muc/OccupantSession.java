package org.parley.server.muc;

import org.jxmpp.jid.EntityFullJid;
import org.parley.xml.Stanza;

/** One client session behind an occupant's nickname, and the last presence it sent to the room. */
record OccupantSession(EntityFullJid jid, Stanza presence) {
}
