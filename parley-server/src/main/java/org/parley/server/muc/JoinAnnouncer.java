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
 * with the status codes that describe the room, then the history and the subject. A further
 * session of a user already in the room under that nickname joins the occupant instead: it gets
 * the same welcome, and the others see nothing new (§7.2.9, multi-session nicks).
 */
final class JoinAnnouncer {

    void admit(Room room, JoinRequest request) {
        // Occupancy first, composed presence second: see ComposedPresences.changed.
        room.host().occupantJoined(request.realJid(), room);
        Occupant holder = room.occupants.byNick(request.nick());
        boolean created = room.creator != null && room.creator.equals(request.realJid().asBareJid());
        room.creator = null;
        Occupant occupant = holder != null
                ? holder.withSession(request.realJid(), request.presence())
                : Occupant.of(request.nick(), request.realJid(), Role.onEntry(request.affiliation(), room.config.moderated()),
                        request.presence(), room.host().composedPresence(request.realJid().asBareJid()));
        for (Occupant other : room.occupants.all()) {
            if (!other.nick().equals(occupant.nick())) {
                room.host().send(OccupantView.presence(room, other, occupant, request.realJid(), false, List.of(),
                        ItemDetail.NONE));
            }
        }
        room.occupants.put(occupant);
        if (holder == null || RoomPresenceHandler.changedForOthers(holder, occupant)) {
            OccupantView.toOthers(room, occupant, false, List.of(), ItemDetail.NONE);
        }
        OccupantView.toSelf(room, occupant, request.realJid(), false, selfCodes(room, created), ItemDetail.NONE);
        replayHistory(room, request);
        sendSubject(room, request.realJid());
    }

    /** §7.2.3: 110 (this is you), 100 (everyone sees your JID), 170 (the room is logged), 201 (new room). */
    private static List<Integer> selfCodes(Room room, boolean created) {
        List<Integer> codes = new ArrayList<>(List.of(110));
        if (room.config.nonAnonymous()) {
            codes.add(100);
        }
        if (room.config.persistent() && room.config.archive()) {
            codes.add(170);
        }
        if (created) {
            codes.add(201);
        }
        return codes;
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
