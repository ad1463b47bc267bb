package org.parley.server.muc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.presence.Availability;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/**
 * Presence to a room (XEP-0045 §7.2–7.6, §7.14): entering (through the join policies), presence
 * updates, nickname changes (status 303) and leaving. Everything works per session, so several
 * sessions of one user may share a nickname: the others see one occupant, which leaves when its
 * last session does.
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
            // §7.14: leaving; an error from an occupant's client means that session is gone, too.
            if (existing != null) {
                leaveSession(room, existing, from, presence);
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
            update(room, existing, from, presence);
        } else {
            changeNick(room, existing, from, presence, nick);
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

    /** §7.7: the session sees its presence echoed; the others only when what they see of the occupant changed. */
    private void update(Room room, Occupant occupant, EntityFullJid from, Stanza presence) {
        Occupant updated = occupant.withSession(from, presence);
        room.occupants.put(updated);
        OccupantView.toSelf(room, updated, from, false, List.of(110), ItemDetail.NONE);
        if (changedForOthers(occupant, updated)) {
            OccupantView.toOthers(room, updated, false, List.of(), ItemDetail.NONE);
        }
    }

    /**
     * §7.6: the session leaves its old nickname (unavailable with 303 and the new nickname) and
     * appears under the new one. With one session that is the plain rename everyone sees; a
     * session sharing its nickname moves alone, and may join a nickname its user already has.
     */
    private void changeNick(Room room, Occupant occupant, EntityFullJid from, Stanza presence, Resourcepart nick) {
        String problem = NicknamePolicy.problem(nick.toString());
        if (problem != null) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, problem);
        }
        StanzaErrorException conflict = NickConflictPolicy.conflict(room, nick, occupant.user());
        if (conflict != null) {
            throw conflict;
        }
        Occupant moving = new Occupant(occupant.nick(), occupant.user(), occupant.role(),
                List.of(occupant.session(from)), occupant.composed());
        ItemDetail renamed = new ItemDetail(nick.toString(), null, null);
        if (occupant.sessions().size() > 1) {
            Occupant remaining = occupant.withoutSession(from);
            room.occupants.put(remaining);
            if (changedForOthers(occupant, remaining)) {
                OccupantView.toOthers(room, remaining, false, List.of(), ItemDetail.NONE);
            }
        } else {
            room.occupants.remove(occupant);
            room.voiceRequests.remove(occupant.nick());
            OccupantView.toOthers(room, moving, true, List.of(303), renamed);
        }
        OccupantView.toSelf(room, moving, from, true, List.of(303, 110), renamed);
        Occupant holder = room.occupants.byNick(nick);
        if (holder != null) {
            Occupant joined = holder.withSession(from, presence);
            room.occupants.put(joined);
            OccupantView.toSelf(room, joined, from, false, List.of(110), ItemDetail.NONE);
            if (changedForOthers(holder, joined)) {
                OccupantView.toOthers(room, joined, false, List.of(), ItemDetail.NONE);
            }
        } else {
            Occupant named = Occupant.of(nick, from, occupant.role(), presence, occupant.composed());
            room.occupants.put(named);
            OccupantView.broadcast(room, named, false, List.of(), List.of(110), ItemDetail.NONE);
        }
    }

    /**
     * The user's composed availability changed: the others see each of the user's occupants with
     * it (the occupant's own sessions keep seeing the presence they sent, as a user's own resources
     * see each device's real presence). Unchanged occupants send nothing.
     */
    void composedChanged(Room room, BareJid user, Availability composed) {
        for (Occupant o : room.occupants.ofUser(user)) {
            if (Objects.equals(o.composed(), composed)) {
                continue;
            }
            Occupant updated = o.withComposed(composed);
            room.occupants.put(updated);
            OccupantView.toOthers(room, updated, false, List.of(), ItemDetail.NONE);
        }
    }

    /** One session leaves; the occupant leaves with its last session (a shared nickname stays for the others). */
    void leaveSession(Room room, Occupant occupant, EntityFullJid session, Stanza unavailable) {
        if (occupant.sessions().size() == 1) {
            leave(room, occupant, unavailable, List.of(), ItemDetail.NONE);
            return;
        }
        Occupant remaining = occupant.withoutSession(session);
        room.occupants.put(remaining);
        room.host().occupantLeft(session, room);
        Occupant departing = new Occupant(occupant.nick(), occupant.user(), Role.NONE,
                List.of(new OccupantSession(session, statusOnly(unavailable))), occupant.composed());
        OccupantView.toSelf(room, departing, session, true, List.of(110), ItemDetail.NONE);
        if (changedForOthers(occupant, remaining)) {
            OccupantView.toOthers(room, remaining, false, List.of(), ItemDetail.NONE);
        }
    }

    /**
     * Removes an occupant with all its sessions and tells everyone, the occupant included (with
     * 110). {@code codes} say why when the room removed it: 307 kicked, 301 banned, 321/322
     * affiliation lost.
     */
    void leave(Room room, Occupant occupant, Stanza unavailable, List<Integer> codes, ItemDetail detail) {
        room.occupants.remove(occupant);
        Stanza status = statusOnly(unavailable);
        List<OccupantSession> sessions = new ArrayList<>();
        for (EntityFullJid jid : occupant.jids()) {
            room.host().occupantLeft(jid, room);
            sessions.add(new OccupantSession(jid, status));
        }
        room.voiceRequests.remove(occupant.nick());
        Occupant gone = new Occupant(occupant.nick(), occupant.user(), Role.NONE, sessions, occupant.composed());
        List<Integer> selfCodes = new ArrayList<>(codes);
        selfCodes.add(110);
        OccupantView.broadcast(room, gone, true, codes, selfCodes, detail);
        room.goneIfEmpty();
    }

    /**
     * Whether the others would see the occupant differently: another shown session (its JID is
     * what moderators see) or other presence content from it.
     */
    static boolean changedForOthers(Occupant before, Occupant after) {
        OccupantSession a = before.shown();
        OccupantSession b = after.shown();
        if (!a.jid().equals(b.jid())) {
            return true;
        }
        return !visible(a.presence()).equals(visible(b.presence()));
    }

    private static List<Element> visible(Stanza presence) {
        if (presence == null) {
            return List.of();
        }
        return presence.element().elements().stream().filter(e -> !OccupantView.isMucExtension(e)).toList();
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
