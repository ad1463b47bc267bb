package org.parley.server.muc;

import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * Ends a room (XEP-0045 §10.9): every occupant gets an unavailable presence carrying
 * {@code <destroy/>} with the alternate venue and reason, then the room and its stored state
 * (configuration, affiliations, archive) are gone.
 */
final class RoomDestruction {

    void destroy(Room room, String alternateVenue, String reason) {
        Element.Builder destroy = Element.builder("destroy", MucNamespaces.MUC_USER).attribute("jid", alternateVenue);
        if (reason != null) {
            destroy.child(Element.builder("reason", MucNamespaces.MUC_USER).text(reason).build());
        }
        Element destroyElement = destroy.build();
        for (Occupant o : room.occupants.all()) {
            room.deliver(o, Stanza.of(Element.builder("presence", Namespaces.CLIENT)
                    .attribute("from", room.occupantJid(o.nick()).toString())
                    .attribute("type", "unavailable")
                    .child(Element.builder("x", MucNamespaces.MUC_USER)
                            .child(Element.builder("item", MucNamespaces.MUC_USER)
                                    .attribute("affiliation", "none").attribute("role", "none").build())
                            .child(destroyElement)
                            .build())
                    .build()));
            room.occupants.remove(o);
            for (org.jxmpp.jid.EntityFullJid session : o.jids()) {
                room.host().occupantLeft(session, room);
            }
        }
        room.gone = true;
        room.host().roomGone(room);
        if (room.config.persistent()) {
            room.host().releasePersistent();
            room.host().persistence().delete(room.name());
        }
    }
}
