package org.parley.server.muc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * The moderator and admin protocol (XEP-0045 §8, §9, §10.3–10.8): role changes by nickname
 * (kick, voice, moderator) and affiliation changes by JID (ban, member, admin, owner), and the
 * lists of each. A request with several items is checked whole before anything changes.
 */
final class AdminIq {

    private final ModerationPolicy moderation;
    private final AffiliationChange affiliations = new AffiliationChange();

    AdminIq(ModerationPolicy moderation) {
        this.moderation = moderation;
    }

    void handle(Room room, Stanza iq, Element query) {
        List<Element> items = query.children("item", MucNamespaces.MUC_ADMIN);
        if (items.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Expected at least one <item/>");
        }
        Occupant actor = room.occupants.byRealJid(iq.from());
        Affiliation actorAffiliation = room.affiliationOf(iq.from());
        if ("get".equals(iq.type())) {
            room.host().send(Stanzas.result(iq, list(room, items.get(0), actor, actorAffiliation)));
            return;
        }
        List<Runnable> changes = new ArrayList<>();
        for (Element item : items) {
            changes.add(item.attribute("role") != null && item.attribute("affiliation") == null
                    ? roleChange(room, item, actor)
                    : affiliationChange(room, item, actor, actorAffiliation));
        }
        room.host().send(Stanzas.result(iq));
        changes.forEach(Runnable::run);
    }

    private Runnable roleChange(Room room, Element item, Occupant actor) {
        Role role = Role.parse(item.attribute("role"));
        String nick = item.attribute("nick");
        if (role == null || nick == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "A role change needs a known role and a nick");
        }
        Occupant target = room.occupants.byNick(Resourcepart.fromOrNull(nick));
        if (target == null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "Nobody is in the room as " + nick);
        }
        moderation.checkMayChangeRole(room, actor, target, role);
        String reason = item.childText("reason", MucNamespaces.MUC_ADMIN);
        ItemDetail detail = new ItemDetail(null, reason, actor.nick().toString());
        return () -> {
            Occupant current = room.occupants.byNick(target.nick());
            if (current == null || !current.user().equals(target.user())) {
                return;
            }
            if (role == Role.NONE) {
                room.handlers().presence().leave(room, current, null, List.of(307), detail);
            } else {
                Occupant updated = current.withRole(role);
                room.occupants.put(updated);
                OccupantView.broadcast(room, updated, false, List.of(), List.of(110), detail);
            }
        };
    }

    private Runnable affiliationChange(Room room, Element item, Occupant actor, Affiliation actorAffiliation) {
        Affiliation next = Affiliation.parse(item.attribute("affiliation"));
        BareJid jid = bareJid(item.attribute("jid"));
        if (next == null || jid == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An affiliation change needs a known affiliation and a jid");
        }
        Affiliation current = room.affiliations.of(jid);
        if (!actorAffiliation.isAdministrative()) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only admins and owners may change affiliations");
        }
        boolean touchesAdministrators = next.isAdministrative() || current.isAdministrative();
        if (touchesAdministrators && actorAffiliation != Affiliation.OWNER) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED, "Only owners may grant or revoke admin and owner");
        }
        AffiliationChange.checkKeepsAnOwner(room, jid, next);
        String reason = item.childText("reason", MucNamespaces.MUC_ADMIN);
        String actorNick = actor == null ? null : actor.nick().toString();
        return () -> {
            affiliations.apply(room, jid, next, reason, actorNick);
            room.persist();
        };
    }

    private Element list(Room room, Element item, Occupant actor, Affiliation actorAffiliation) {
        Element.Builder result = Element.builder("query", MucNamespaces.MUC_ADMIN);
        Affiliation affiliation = Affiliation.parse(item.attribute("affiliation"));
        Role role = Role.parse(item.attribute("role"));
        if (affiliation != null && affiliation != Affiliation.NONE) {
            boolean membersMayList = affiliation == Affiliation.MEMBER && room.config.membersOnly()
                    && actorAffiliation.atLeast(Affiliation.MEMBER);
            if (!actorAffiliation.isAdministrative() && !membersMayList) {
                throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only admins and owners may read this list");
            }
            for (Map.Entry<BareJid, Affiliation> e : room.affiliations.snapshot().entrySet()) {
                if (e.getValue() == affiliation) {
                    // §9.5: the nick a member registered (§7.10) comes with the item.
                    Resourcepart reserved = room.affiliations.reservedNick(e.getKey());
                    result.child(Element.builder("item", MucNamespaces.MUC_ADMIN)
                            .attribute("affiliation", affiliation.xmlValue()).attribute("jid", e.getKey().toString())
                            .attribute("nick", reserved == null ? null : reserved.toString()).build());
                }
            }
        } else if (role != null && role != Role.NONE) {
            if (actor == null || actor.role() != Role.MODERATOR) {
                throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only moderators may read this list");
            }
            for (Occupant o : room.occupants.all()) {
                if (o.role() == role) {
                    result.child(Element.builder("item", MucNamespaces.MUC_ADMIN)
                            .attribute("role", role.xmlValue()).attribute("nick", o.nick().toString())
                            .attribute("jid", o.realJid().toString())
                            .attribute("affiliation", room.affiliationOf(o.user()).xmlValue()).build());
                }
            }
        } else {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Ask for one affiliation or one role");
        }
        return result.build();
    }

    private static BareJid bareJid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return JidCreate.from(value).asBareJid();
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Not a JID: " + value);
        }
    }
}
