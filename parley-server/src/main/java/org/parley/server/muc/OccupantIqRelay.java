package org.parley.server.muc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/**
 * IQs between occupants (XEP-0045 §7.2, "IQ stanzas to an occupant JID"): a request from one
 * occupant to room/nick goes to the target's real JID from room/sender-nick, under an id of the
 * room's own, and the answer goes back to the requester from room/target-nick with the original
 * id. Neither side learns the other's real JID. A vCard request goes to the target's bare JID,
 * where vCards live (§18.1 of the XEP's business rules: vcard-temp is served for the account).
 */
final class OccupantIqRelay {

    /** How many unanswered relayed requests a room remembers; the oldest is forgotten first. */
    static final int MAX_PENDING = 256;

    record Pending(EntityFullJid requester, String id, Resourcepart targetNick) {
    }

    /** The room's unanswered relayed requests by the id the room gave them. */
    static Map<String, Pending> pendingMap() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
                return size() > MAX_PENDING;
            }
        };
    }

    void request(Room room, Stanza iq) {
        Occupant sender = room.occupants.byRealJid(iq.from());
        if (sender == null) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "Only occupants may query other occupants");
        }
        Occupant target = room.occupants.byNick(iq.to().getResourceOrThrow());
        if (target == null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "Nobody is in the room as "
                    + iq.to().getResourceOrThrow());
        }
        boolean vcard = iq.element().elements().size() == 1
                && Namespaces.VCARD.equals(iq.element().elements().get(0).namespace());
        Jid to = vcard ? target.realJid().asBareJid() : target.realJid();
        String id = UUID.randomUUID().toString();
        // The answer goes back to the very session that asked, even when it shares its nickname.
        room.relayedIqs.put(id, new Pending(sender.session(iq.from()).jid(), iq.id(), target.nick()));
        room.host().send(Stanza.of(iq.element()
                .withAttribute("from", room.occupantJid(sender.nick()).toString())
                .withAttribute("to", to.toString())
                .withAttribute("id", id)));
    }

    /** An answer to a relayed request: back to the requester; anything else is dropped. */
    void answer(Room room, Stanza iq) {
        Pending pending = iq.id() == null ? null : room.relayedIqs.remove(iq.id());
        if (pending == null) {
            return;
        }
        Element reply = iq.element()
                .withAttribute("from", room.occupantJid(pending.targetNick()).toString())
                .withAttribute("to", pending.requester().toString())
                .withAttribute("id", pending.id());
        room.host().send(Stanza.of(reply));
    }
}
