package org.parley.xml;

import java.nio.charset.StandardCharsets;

/**
 * A stanza serialised once as UTF-8 with a slot for its {@code to} value: filling the slot gives
 * exactly the bytes of {@code toXml()} of the stanza with that addressee (see
 * {@link Element#appendXmlWithToSlot} for where the slot sits). Immutable, so one template may be
 * published to other threads without synchronisation.
 */
final class StanzaTemplate {

    private final byte[] head;
    private final byte[] tail;

    private StanzaTemplate(byte[] head, byte[] tail) {
        this.head = head;
        this.tail = tail;
    }

    static StanzaTemplate of(Element element) {
        StringBuilder xml = new StringBuilder(256);
        int slot = element.appendXmlWithToSlot(xml, Namespaces.CLIENT);
        // The slot follows an ASCII quote, so the split never falls inside a character.
        return new StanzaTemplate(xml.substring(0, slot).getBytes(StandardCharsets.UTF_8),
                xml.substring(slot).getBytes(StandardCharsets.UTF_8));
    }

    StanzaBytes fill(String to) {
        return new StanzaBytes(head, XmlEscaper.escapeAttribute(to).getBytes(StandardCharsets.UTF_8), tail);
    }
}
