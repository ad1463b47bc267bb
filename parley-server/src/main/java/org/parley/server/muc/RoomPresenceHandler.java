package org.parley.server.muc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jxmpp.jid.BareJid;
import org.parley.server.presence.Availability;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/**
 * Presence to a room (XEP-0045 §7.2–7.6, §7.14): entering (through the join policies), presence
 * updates (the occupant's presence as it sends it to the room is what the others see), nickname
 * changes (status 303) and leaving.
 */
final class RoomPresenceHandler {

    private final List<JoinPolicy> policies = List.of(new NicknamePolicy(), new RoomLockPolicy(), new BanPolicy(),
            new MembersOnlyPolicy(), new PasswordPolicy(), new OccupantLimitPolicy(), new NickConflictPolicy());
    private final JoinAnnouncer announcer = new JoinAnnouncer();

    void handle(Room room, Stanza presence) {
        EntityFullJid from = presence.from() == null ? null : presence.from().asEntityFullJidIfPossible();
        if (from == null) {
            return;
        }
        Occupant existing = room.occupants.byRealJid(from);
        String type = presence.type();
        if ("unavailable".equals(type) || "error".equals(type)) {
            // §7.14: leaving; an error from an occupant's client means it is gone, too.
            if (existing != null) {
                leave(room, existing, presence, List.of(), ItemDetail.NONE);
            }
            return;
        }
        if (type != null) {
            return; // probes and subscription requests mean nothing to a room
        }
        Resourcepart nick = presence.to().getResourceOrNull();
        if (nick == null) {
            if (existing == null) {
                // §7.2.1: entering needs a nickname.
                throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Join the room as room@service/nickname");
            }
            return;
        }
        if (existing == null) {
            join(room, presence, from, nick);
        } else if (existing.nick().equals(nick)) {
            update(room, existing, presence);
        } else {
            changeNick(room, existing, presence, nick);
        }
    }

    private void join(Room room, Stanza presence, EntityFullJid from, Resourcepart nick) {
        Element muc = presence.element().child("x", MucNamespaces.MUC).orElse(null);
        JoinRequest request = new JoinRequest(presence, from, nick, room.affiliationOf(from), muc);
        for (JoinPolicy policy : policies) {
            StanzaErrorException refusal = policy.refusal(room, request);
            if (refusal != null) {
                throw refusal;
            }
        }
        announcer.admit(room, request);
    }

    private void update(Room room, Occupant occupant, Stanza presence) {
        Occupant updated = occupant.withPresence(presence);
        room.occupants.put(updated);
        OccupantView.broadcast(room, updated, false, List.of(), List.of(110), ItemDetail.NONE);
    }

    /** §7.6: unavailable with 303 and the new nick under the old one, then available under the new one. */
    private void changeNick(Room room, Occupant occupant, Stanza presence, Resourcepart nick) {
        String problem = NicknamePolicy.problem(nick.toString());
        if (problem != null) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, problem);
        }
        if (room.occupants.byNick(nick) != null) {
            throw new StanzaErrorException(StanzaErrorCondition.CONFLICT, "The nickname " + nick + " is in use");
        }
        OccupantView.broadcast(room, occupant, true, List.of(303), List.of(303, 110),
                new ItemDetail(nick.toString(), null, null));
        Occupant renamed = occupant.withNick(nick).withPresence(presence);
        room.occupants.put(renamed);
        OccupantView.broadcast(room, renamed, false, List.of(), List.of(110), ItemDetail.NONE);
    }

    /**
     * The user's composed availability changed: the others see each of the user's occupants with
     * it (the occupant's own session keeps seeing the presence it sent, as a user's own resources
     * see each device's real presence). Unchanged occupants send nothing.
     */
    void composedChanged(Room room, BareJid user, Availability composed) {
        for (Occupant o : room.occupants.ofUser(user)) {
            if (Objects.equals(o.composed(), composed)) {
                continue;
            }
            Occupant updated = o.withComposed(composed);
            room.occupants.put(updated);
            for (Occupant viewer : room.occupants.all()) {
                if (!viewer.realJid().equals(updated.realJid())) {
                    room.host().send(OccupantView.presence(room, updated, viewer, false, List.of(), ItemDetail.NONE));
                }
            }
        }
    }

    /**
     * Removes an occupant and tells everyone, the occupant included (with 110). {@code codes}
     * say why when the room removed it: 307 kicked, 301 banned, 321/322 affiliation lost.
     */
    void leave(Room room, Occupant occupant, Stanza unavailable, List<Integer> codes, ItemDetail detail) {
        room.occupants.remove(occupant);
        room.host().occupantLeft(occupant.realJid(), room);
        Occupant gone = occupant.withRole(Role.NONE).withPresence(statusOnly(unavailable));
        List<Integer> selfCodes = new ArrayList<>(codes);
        selfCodes.add(110);
        OccupantView.broadcast(room, gone, true, codes, selfCodes, detail);
        room.goneIfEmpty();
    }

    /** An unavailable presence keeps only its status text for the others. */
    private static Stanza statusOnly(Stanza unavailable) {
        Element.Builder b = Element.builder("presence", Namespaces.CLIENT);
        if (unavailable != null) {
            unavailable.element().child("status", Namespaces.CLIENT).ifPresent(b::child);
        }
        return Stanza.of(b.build());
    }
}
