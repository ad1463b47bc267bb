package org.parley.server.muc;

import java.util.List;
import org.jxmpp.jid.EntityFullJid;
import org.parley.server.presence.Availability;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Node;
import org.parley.xml.Stanza;

/**
 * An occupant's presence as one viewer sees it (XEP-0045 §7.2.3): from room/nick, with a muc#user
 * item naming affiliation and role, and the real JID only when the room is non-anonymous or the
 * viewer is a moderator (or the occupant itself). Each session of the occupant sees its own
 * presence; everyone else sees the occupant's shown session, with the composed show and status.
 */
final class OccupantView {

    private OccupantView() {
    }

    /**
     * {@code subject} as the session {@code to} of {@code viewer} sees it; {@code viewer} may be
     * the subject itself (then {@code to} is one of its sessions).
     */
    static Stanza presence(Room room, Occupant subject, Occupant viewer, EntityFullJid to, boolean unavailable,
                           List<Integer> codes, ItemDetail detail) {
        boolean self = viewer.nick().equals(subject.nick()) && viewer.user().equals(subject.user());
        OccupantSession own = self ? subject.session(to) : null;
        Stanza sent = own != null ? own.presence() : subject.presence();
        boolean showJid = self || room.config.nonAnonymous() || viewer.role() == Role.MODERATOR;
        Element.Builder item = Element.builder("item", MucNamespaces.MUC_USER)
                .attribute("affiliation", room.affiliationOf(subject.user()).xmlValue())
                .attribute("role", subject.role().xmlValue())
                .attribute("jid", showJid ? (own != null ? own.jid() : subject.realJid()).toString() : null)
                .attribute("nick", detail.newNick());
        if (detail.actorNick() != null) {
            item.child(Element.builder("actor", MucNamespaces.MUC_USER).attribute("nick", detail.actorNick()).build());
        }
        if (detail.reason() != null) {
            item.child(Element.builder("reason", MucNamespaces.MUC_USER).text(detail.reason()).build());
        }
        Element.Builder x = Element.builder("x", MucNamespaces.MUC_USER).child(item.build());
        for (int code : codes) {
            x.child(Element.builder("status", MucNamespaces.MUC_USER).attribute("code", Integer.toString(code)).build());
        }
        Element.Builder p = Element.builder("presence", Namespaces.CLIENT)
                .attribute("from", room.occupantJid(subject.nick()).toString())
                .attribute("to", to.toString())
                .attribute("type", unavailable ? "unavailable" : null);
        if (self && sent != null) {
            p.attribute("id", sent.id());
        }
        // Others see the composed show and status (when the presence module knows one) in place of the sent ones.
        Availability composed = self || unavailable ? null : subject.composed();
        if (composed != null) {
            if (composed.show().xmlValue() != null) {
                p.child(Element.builder("show", Namespaces.CLIENT).text(composed.show().xmlValue()).build());
            }
            if (composed.status() != null) {
                p.child(Element.builder("status", Namespaces.CLIENT).text(composed.status()).build());
            }
        }
        if (sent != null) {
            for (Node n : sent.element().children()) {
                if (n instanceof Element e && !isMucExtension(e) && !(composed != null && isShowOrStatus(e))) {
                    p.child(e);
                }
            }
        }
        p.child(x.build());
        return Stanza.of(p.build());
    }

    /**
     * Sends {@code subject}'s presence to every session of every other occupant. Another occupant's
     * view depends on the viewer only through whether it shows the real JID, so the presence is
     * built at most twice and the rest are copies that differ in 'to' (serialised once, see
     * {@link Stanza#withTo}): a join to a room of N costs N address encodings, not N builds.
     */
    static void toOthers(Room room, Occupant subject, boolean unavailable, List<Integer> codes, ItemDetail detail) {
        Stanza[] views = new Stanza[2]; // [0] without the real JID, [1] with it
        for (Occupant viewer : room.occupants.all()) {
            if (!viewer.nick().equals(subject.nick())) {
                int kind = seesRealJids(room, viewer) ? 1 : 0;
                for (OccupantSession session : viewer.sessions()) {
                    EntityFullJid to = session.jid();
                    Stanza view = views[kind];
                    if (view == null) {
                        view = presence(room, subject, viewer, to, unavailable, codes, detail);
                        views[kind] = view;
                    } else {
                        view = view.withTo(to);
                    }
                    room.host().send(view);
                }
            }
        }
    }

    /** Sends one session of {@code subject} its own presence ({@code selfCodes} should hold 110). */
    static void toSelf(Room room, Occupant subject, EntityFullJid session, boolean unavailable, List<Integer> selfCodes,
                       ItemDetail detail) {
        room.host().send(presence(room, subject, subject, session, unavailable, selfCodes, detail));
    }

    /** Sends {@code subject}'s presence to every occupant, and to each of the subject's sessions with {@code selfCodes}. */
    static void broadcast(Room room, Occupant subject, boolean unavailable, List<Integer> codes, List<Integer> selfCodes,
                          ItemDetail detail) {
        toOthers(room, subject, unavailable, codes, detail);
        for (EntityFullJid session : subject.jids()) {
            toSelf(room, subject, session, unavailable, selfCodes, detail);
        }
    }

    private static boolean isShowOrStatus(Element e) {
        return Namespaces.CLIENT.equals(e.namespace()) && (e.name().equals("show") || e.name().equals("status"));
    }

    static boolean isMucExtension(Element e) {
        return e.name().equals("x") && (e.namespace().equals(MucNamespaces.MUC) || e.namespace().equals(MucNamespaces.MUC_USER));
    }

    /** Who sees an occupant's real JID in messages and lists: everyone in a non-anonymous room, else moderators. */
    static boolean seesRealJids(Room room, Occupant viewer) {
        return room.config.nonAnonymous() || viewer.role() == Role.MODERATOR;
    }
}
