package org.parley.server.muc;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityFullJid;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * What happens once a join is admitted (XEP-0045 §7.2.3–7.2.16): the newcomer receives the
 * others' presence, everyone receives the newcomer's, the newcomer receives its self-presence
 * with the status codes that describe the room, then the history and the subject.
 */
final class JoinAnnouncer {

    void admit(Room room, JoinRequest request) {
        Affiliation affiliation = request.affiliation();
        Role role = Role.onEntry(affiliation, room.config.moderated());
        // Occupancy first, composed presence second: see ComposedPresences.changed.
        room.host().occupantJoined(request.realJid(), room);
        Occupant newcomer = new Occupant(request.nick(), request.realJid(), role, request.presence(),
                room.host().composedPresence(request.realJid().asBareJid()));
        boolean created = room.creator != null && room.creator.equals(request.realJid().asBareJid());
        room.creator = null;
        for (Occupant other : room.occupants.all()) {
            room.host().send(OccupantView.presence(room, other, newcomer, false, List.of(), ItemDetail.NONE));
        }
        room.occupants.put(newcomer);
        List<Integer> selfCodes = new ArrayList<>(List.of(110));
        if (room.config.nonAnonymous()) {
            selfCodes.add(100);
        }
        if (room.config.persistent() && room.config.archive()) {
            selfCodes.add(170);
        }
        if (created) {
            selfCodes.add(201);
        }
        OccupantView.broadcast(room, newcomer, false, List.of(), selfCodes, ItemDetail.NONE);
        replayHistory(room, request);
        sendSubject(room, request.realJid());
    }

    private static void replayHistory(Room room, JoinRequest request) {
        for (History.Entry e : room.history.select(request.historyRequest(), room.host().clock().instant())) {
            Element delayed = e.message().element().withAttribute("to", request.realJid().toString())
                    .withChild(Element.builder("delay", Namespaces.DELAY)
                            .attribute("from", room.jid().toString())
                            .attribute("stamp", e.at().toString())
                            .build());
            room.host().send(Stanza.of(delayed));
        }
    }

    /** §7.2.15: the subject (empty when none) always ends the join, so clients know the join is complete. */
    static void sendSubject(Room room, EntityFullJid to) {
        String from = room.subjectNick == null ? room.jid().toString() : room.jid() + "/" + room.subjectNick;
        room.host().send(Stanza.of(Element.builder("message", Namespaces.CLIENT)
                .attribute("type", "groupchat")
                .attribute("from", from)
                .attribute("to", to.toString())
                .attribute("id", java.util.UUID.randomUUID().toString())
                .child(Element.builder("subject", Namespaces.CLIENT).text(room.subject == null ? "" : room.subject).build())
                .build()));
    }
}
