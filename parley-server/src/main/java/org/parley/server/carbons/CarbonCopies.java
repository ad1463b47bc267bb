package org.parley.server.carbons;

import org.jxmpp.jid.Jid;
import org.parley.server.message.MessageHints;
import org.parley.server.message.MessageType;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/** Which messages are copied (XEP-0280 §6) and how a copy is wrapped (§7, §8, XEP-0297). */
final class CarbonCopies {

    static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    private CarbonCopies() {
    }

    /**
     * Chat messages, and normal messages with a body; never ones marked private or no-copy, ones
     * from or about a chat room, or carbons themselves. Errors are not copied: telling which
     * eligible message an error answers would need per-message tracking, which §6 calls unlikely
     * to be appropriate.
     */
    static boolean eligible(Stanza message) {
        MessageType type = MessageType.of(message);
        boolean im = type == MessageType.CHAT || (type == MessageType.NORMAL && MessageHints.hasBody(message));
        if (!im || MessageHints.noCopy(message)) {
            return false;
        }
        Element e = message.element();
        return e.child("private", Namespaces.CARBONS).isEmpty()
                && e.child("sent", Namespaces.CARBONS).isEmpty()
                && e.child("received", Namespaces.CARBONS).isEmpty()
                && e.child("x", MUC_USER).isEmpty();
    }

    /** {@code direction} is "sent" or "received"; the copy comes from the user's bare JID (§9). */
    static Stanza wrap(String direction, Jid userBare, Jid resource, Stanza original) {
        Element forwarded = Element.builder("forwarded", Namespaces.FORWARD).child(original.element()).build();
        Element wrapper = Element.builder(direction, Namespaces.CARBONS).child(forwarded).build();
        return Stanza.of(Element.builder("message", Namespaces.CLIENT)
                .attribute("from", userBare.toString())
                .attribute("to", resource.toString())
                .attribute("type", original.type())
                .child(wrapper)
                .build());
    }
}
