package org.parley.server.roster;

import java.nio.charset.StandardCharsets;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StreamHeader;
import org.parley.xml.XmlStreamException;
import org.parley.xml.XmlStreamHandler;
import org.parley.xml.XmlStreamParser;

/**
 * A stanza kept as text in the database (the pending subscription request of §3.1.3), read back
 * with the same restricted-XML parser that reads client streams.
 */
public final class StoredStanza {

    /** Longest request kept whole; a bigger one is kept without its extensions (it fits the column). */
    static final int MAX_CHARS = 60_000;

    private static final String HEADER = "<stream:stream xmlns='" + Namespaces.CLIENT
            + "' xmlns:stream='" + Namespaces.STREAM + "'>";

    private StoredStanza() {
    }

    /** The text to store for {@code stanza}: as received, or reduced to its addresses and type when too big. */
    public static String encode(Stanza stanza) {
        String xml = stanza.toXml();
        if (xml.length() <= MAX_CHARS) {
            return xml;
        }
        return Element.builder(stanza.element().name(), Namespaces.CLIENT)
                .attribute("type", stanza.type())
                .attribute("from", stanza.from() == null ? null : stanza.from().toString())
                .attribute("to", stanza.to() == null ? null : stanza.to().toString())
                .build().toXml(Namespaces.CLIENT);
    }

    /** Parses stored text back into a stanza; null when it is not one (a damaged row is skipped, not fatal). */
    public static Stanza decode(String xml) {
        Element[] found = new Element[1];
        byte[] bytes = (HEADER + xml).getBytes(StandardCharsets.UTF_8);
        try {
            new XmlStreamParser(bytes.length + 1).feed(bytes, 0, bytes.length, new XmlStreamHandler() {
                @Override
                public void streamOpened(StreamHeader header) {
                }

                @Override
                public void element(Element element) {
                    found[0] = element;
                }

                @Override
                public void streamClosed() {
                }
            });
            return found[0] == null ? null : Stanza.parse(found[0]);
        } catch (XmlStreamException | org.parley.xml.InvalidStanzaException e) {
            return null;
        }
    }
}
