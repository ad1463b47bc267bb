package org.parley.server.muc;

import java.time.Clock;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.parley.server.config.ParleyConfig;
import org.parley.xml.Stanza;

/** What a room needs from the service that hosts it; the service implements it. */
interface RoomHost {

    ParleyConfig.Muc settings();

    Clock clock();

    RoomPersistence persistence();

    /** Sends a stanza the room generated (to an occupant's session, or routed for a bare JID). */
    void send(Stanza stanza);

    /** A stanza reached a room that has just gone: dispatch it again (a join creates a new room). */
    void redispatch(Stanza stanza);

    void occupantJoined(EntityFullJid realJid, Room room);

    /** The user's composed availability (presence module), or null when none is known. */
    org.parley.server.presence.Availability composedPresence(BareJid user);

    void occupantLeft(EntityFullJid realJid, Room room);

    /** The room is gone (ad hoc and empty, or destroyed): forget it. */
    void roomGone(Room room);

    /** Whether {@code user} may make a room persistent (muc.persistentRoomCreators). */
    boolean mayCreatePersistent(BareJid user);

    /** Takes one persistent-room slot; false when muc.maxPersistentRooms is reached. */
    boolean reservePersistent();

    void releasePersistent();
}
