package org.parley.server.muc;

import java.time.Instant;
import org.jxmpp.jid.BareJid;
import org.parley.server.muc.store.ArchivedMessage;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * The transcript: persistent rooms archive every groupchat message with a body (the seed's
 * persistent chat keeps a searchable transcript); ad hoc rooms keep none. Access follows the
 * room: anyone not banned in an open room, members in a members-only room (XEP-0313 §5).
 */
final class ArchivePolicy {

    boolean archives(Room room) {
        return room.config.persistent() && room.config.archive();
    }

    void record(Room room, String id, Stanza broadcast, Occupant sender, Instant at) {
        if (!archives(room)) {
            return;
        }
        String body = broadcast.element().childText("body", Namespaces.CLIENT);
        BareJid real = sender.user();
        room.host().persistence().append(new ArchivedMessage(id, room.name(), at, sender.nick().toString(),
                real.toString(), body, broadcast.element().toXml()));
    }

    boolean mayRead(Room room, Affiliation affiliation) {
        if (affiliation == Affiliation.OUTCAST) {
            return false;
        }
        return !room.config.membersOnly() || affiliation.atLeast(Affiliation.MEMBER);
    }
}
