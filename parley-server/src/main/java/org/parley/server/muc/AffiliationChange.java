package org.parley.server.muc;

import java.util.List;
import org.jxmpp.jid.BareJid;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/**
 * Gives a user a new affiliation and applies what follows for them if they are in the room
 * (XEP-0045 §9, §10): a ban removes them (301), losing membership of a members-only room removes
 * them (321), otherwise their role follows the new affiliation and everyone sees the change.
 */
final class AffiliationChange {

    /** Refuses a change that would leave the room without an owner (§10.6). */
    static void checkKeepsAnOwner(Room room, BareJid jid, Affiliation next) {
        if (room.affiliations.of(jid) == Affiliation.OWNER && next != Affiliation.OWNER
                && room.affiliations.count(Affiliation.OWNER) <= 1) {
            throw new StanzaErrorException(StanzaErrorCondition.CONFLICT, "A room must keep at least one owner");
        }
    }

    /** Status 101: a user who is not in the room learns of the change by a message to the bare JID. */
    private static void notifyAbsent(Room room, BareJid jid, Affiliation next, String reason) {
        Element.Builder item = Element.builder("item", MucNamespaces.MUC_USER)
                .attribute("affiliation", next.xmlValue()).attribute("jid", jid.toString()).attribute("role", "none");
        if (reason != null) {
            item.child(Element.builder("reason", MucNamespaces.MUC_USER).text(reason).build());
        }
        room.host().send(Stanza.of(Element.builder("message", Namespaces.CLIENT)
                .attribute("from", room.jid().toString())
                .attribute("to", jid.toString())
                .child(Element.builder("x", MucNamespaces.MUC_USER)
                        .child(item.build())
                        .child(Element.builder("status", MucNamespaces.MUC_USER).attribute("code", "101").build())
                        .build())
                .build()));
    }

    void apply(Room room, BareJid jid, Affiliation next, String reason, String actorNick) {
        room.affiliations.set(jid, next);
        ItemDetail detail = new ItemDetail(null, reason, actorNick);
        List<Occupant> present = room.occupants.ofUser(jid);
        if (present.isEmpty()) {
            notifyAbsent(room, jid, next, reason);
        }
        for (Occupant o : present) {
            if (next == Affiliation.OUTCAST) {
                room.handlers().presence().leave(room, o, null, List.of(301), detail);
            } else if (room.config.membersOnly() && !next.atLeast(Affiliation.MEMBER)) {
                room.handlers().presence().leave(room, o, null, List.of(321), detail);
            } else {
                Role role = next.isAdministrative() ? Role.MODERATOR
                        : o.role() == Role.MODERATOR ? Role.onEntry(next, room.config.moderated())
                        : o.role() == Role.VISITOR && next == Affiliation.MEMBER ? Role.PARTICIPANT : o.role();
                Occupant updated = o.withRole(role);
                room.occupants.put(updated);
                OccupantView.broadcast(room, updated, false, List.of(), List.of(110), detail);
            }
        }
    }
}
