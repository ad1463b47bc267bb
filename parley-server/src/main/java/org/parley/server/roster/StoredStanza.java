package org.parley.server.roster;

import org.parley.xml.Element;
import org.parley.xml.ElementParser;
import org.parley.xml.InvalidStanzaException;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.XmlStreamException;

/**
 * A stanza kept as text in the database (the pending subscription request of RFC 6121 §3.1.3),
 * stored with its namespace declared and read back with the server's own restricted-XML parser.
 */
public final class StoredStanza {

    /** Longest request kept whole; a bigger one is kept without its extensions (it fits the column). */
    static final int MAX_CHARS = 60_000;

    private StoredStanza() {
    }

    /** The text to store for {@code stanza}: as received, or reduced to its addresses and type when too big. */
    public static String encode(Stanza stanza) {
        String xml = stanza.element().toXml();
        if (xml.length() <= MAX_CHARS) {
            return xml;
        }
        return Element.builder(stanza.element().name(), Namespaces.CLIENT)
                .attribute("type", stanza.type())
                .attribute("from", stanza.from() == null ? null : stanza.from().toString())
                .attribute("to", stanza.to() == null ? null : stanza.to().toString())
                .build().toXml();
    }

    /** Parses stored text back into a stanza; null when it is not one (a damaged row is skipped, not fatal). */
    public static Stanza decode(String xml) {
        try {
            return Stanza.parse(ElementParser.parse(xml, MAX_CHARS * 4));
        } catch (XmlStreamException | InvalidStanzaException e) {
            return null;
        }
    }
}
