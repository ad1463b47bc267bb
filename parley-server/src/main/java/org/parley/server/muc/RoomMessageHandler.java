package org.parley.server.muc;

import java.time.Instant;
import java.util.UUID;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/**
 * Messages to a room (XEP-0045 §7.4, §7.5, §7.8, §8.1): groupchat to everyone (with an XEP-0359
 * stanza-id that is also its archive id), subject changes, private messages between occupants,
 * mediated invitations and declines, and voice requests.
 */
final class RoomMessageHandler {

    private final ModerationPolicy moderation;
    private final ArchivePolicy archive;
    private final Invitations invitations;
    private final VoiceRequests voice;

    RoomMessageHandler(ModerationPolicy moderation, ArchivePolicy archive, Invitations invitations) {
        this.moderation = moderation;
        this.archive = archive;
        this.invitations = invitations;
        this.voice = new VoiceRequests(moderation);
    }

    void handle(Room room, Stanza message) {
        if (message.isError()) {
            return;
        }
        Occupant sender = room.occupants.byRealJid(message.from());
        Resourcepart toNick = message.to().getResourceOrNull();
        if (toNick != null) {
            privateMessage(room, message, sender, toNick);
        } else if ("groupchat".equals(message.type())) {
            groupchat(room, message, sender);
        } else if (message.element().child("x", MucNamespaces.MUC_USER).isPresent()) {
            invitations.handle(room, message, sender);
        } else if (VoiceRequests.isVoiceForm(message)) {
            voice.handle(room, message, sender);
        } else {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST,
                    "Messages to the room itself are groupchat, invitations, declines or voice requests");
        }
    }

    private void groupchat(Room room, Stanza message, Occupant sender) {
        Element e = message.element();
        boolean subjectChange = e.child("subject", Namespaces.CLIENT).isPresent() && e.child("body", Namespaces.CLIENT).isEmpty();
        if (subjectChange) {
            moderation.checkMaySetSubject(room, sender);
        } else {
            moderation.checkMaySpeak(sender);
        }
        String id = UUID.randomUUID().toString();
        Instant now = room.host().clock().instant();
        // XEP-0359 §5: a stanza-id claiming to be ours that the sender wrote is removed, ours added.
        Element broadcast = e.withoutChildren(c -> c.is("stanza-id", MucNamespaces.STANZA_ID)
                        && room.jid().toString().equals(c.attribute("by")))
                .withAttribute("from", room.occupantJid(sender.nick()).toString())
                .withAttribute("to", null)
                .withChild(Element.builder("stanza-id", MucNamespaces.STANZA_ID)
                        .attribute("id", id).attribute("by", room.jid().toString()).build());
        Stanza out = Stanza.of(broadcast);
        for (Occupant o : room.occupants.all()) {
            room.deliver(o, out);
        }
        if (subjectChange) {
            room.subject = e.childText("subject", Namespaces.CLIENT);
            room.subjectNick = sender.nick().toString();
            room.persist();
            return;
        }
        if (e.child("body", Namespaces.CLIENT).isPresent()) {
            room.history.add(out, now);
            archive.record(room, id, out, sender, now);
        }
    }

    /** §7.5: from room/sender-nick to the target's session, marked with an empty muc#user x. */
    private void privateMessage(Room room, Stanza message, Occupant sender, Resourcepart toNick) {
        if ("groupchat".equals(message.type())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Private messages are not of type groupchat");
        }
        moderation.checkMaySendPrivate(room, sender);
        Occupant target = room.occupants.byNick(toNick);
        if (target == null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "Nobody is in the room as " + toNick);
        }
        Element pm = message.element()
                .withAttribute("from", room.occupantJid(sender.nick()).toString());
        if (pm.child("x", MucNamespaces.MUC_USER).isEmpty()) {
            pm = pm.withChild(Element.of("x", MucNamespaces.MUC_USER));
        }
        // To every session behind the nickname, as groupchat messages are (multi-session nicks).
        room.deliver(target, Stanza.of(pm));
    }
}
