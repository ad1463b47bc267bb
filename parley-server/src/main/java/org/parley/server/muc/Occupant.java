package org.parley.server.muc;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.presence.Availability;
import org.parley.server.presence.Show;
import org.parley.xml.Stanza;

/**
 * Someone in a room under one nickname: the user, the role, the sessions behind the nickname and
 * the user's composed availability (manual, phone, calendar... over devices) when the presence
 * module knows one, which the others see as a contact on a roster would.
 *
 * <p>Several sessions of the same user may share a nickname (XEP-0045 §7.2.9, "multi-session
 * nicks"): the room sends every in-room message to each of them, and the others see one occupant
 * whose presence is that of the {@linkplain #shown() shown} session. Sessions are kept in the order
 * they joined.
 */
record Occupant(Resourcepart nick, BareJid user, Role role, List<OccupantSession> sessions, Availability composed) {

    Occupant {
        sessions = List.copyOf(sessions);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("an occupant has at least one session");
        }
    }

    static Occupant of(Resourcepart nick, EntityFullJid session, Role role, Stanza presence, Availability composed) {
        return new Occupant(nick, session.asBareJid(), role, List.of(new OccupantSession(session, presence)), composed);
    }

    /**
     * The session the others see: the most available one (the presence composer's order of shows,
     * so a deliberate dnd wins), and of equally available ones the first to join, so that a second
     * client joining under the same nickname changes nothing the others see.
     */
    OccupantSession shown() {
        OccupantSession best = null;
        Show bestShow = null;
        for (OccupantSession s : sessions) {
            Show show = s.presence() == null ? Show.AVAILABLE : Show.of(s.presence());
            if (best == null || show.beats(bestShow)) {
                best = s;
                bestShow = show;
            }
        }
        return best;
    }

    /** The shown session's full JID: what moderators (or everyone, when non-anonymous) see as the real JID. */
    EntityFullJid realJid() {
        return shown().jid();
    }

    /** The presence the others see. */
    Stanza presence() {
        return shown().presence();
    }

    List<EntityFullJid> jids() {
        return sessions.stream().map(OccupantSession::jid).toList();
    }

    OccupantSession session(Jid jid) {
        for (OccupantSession s : sessions) {
            if (s.jid().equals(jid)) {
                return s;
            }
        }
        return null;
    }

    /** With {@code jid}'s presence replaced, or with {@code jid} added as the newest session. */
    Occupant withSession(EntityFullJid jid, Stanza presence) {
        List<OccupantSession> next = new ArrayList<>(sessions);
        OccupantSession updated = new OccupantSession(jid, presence);
        int at = jids().indexOf(jid);
        if (at >= 0) {
            next.set(at, updated);
        } else {
            next.add(updated);
        }
        return new Occupant(nick, user, role, next, composed);
    }

    /** Without that session; call only when another remains. */
    Occupant withoutSession(Jid jid) {
        List<OccupantSession> next = new ArrayList<>(sessions);
        next.removeIf(s -> s.jid().equals(jid));
        return new Occupant(nick, user, role, next, composed);
    }

    Occupant withRole(Role newRole) {
        return new Occupant(nick, user, newRole, sessions, composed);
    }

    Occupant withNick(Resourcepart newNick) {
        return new Occupant(newNick, user, role, sessions, composed);
    }

    Occupant withComposed(Availability newComposed) {
        return new Occupant(nick, user, role, sessions, newComposed);
    }
}
