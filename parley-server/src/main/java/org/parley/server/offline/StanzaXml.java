package org.parley.server.offline;

import java.nio.charset.StandardCharsets;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StreamHeader;
import org.parley.xml.XmlStreamException;
import org.parley.xml.XmlStreamHandler;
import org.parley.xml.XmlStreamParser;

/**
 * Stanzas as stored text: written as they appear in a c2s stream (default namespace
 * jabber:client) and read back with the same hardened parser the network uses, inside a
 * synthetic stream header, so a stored row is exactly as safe as a received stanza.
 */
final class StanzaXml {

    private static final byte[] HEADER = ("<stream:stream xmlns='" + Namespaces.CLIENT
            + "' xmlns:stream='" + Namespaces.STREAM + "'>").getBytes(StandardCharsets.UTF_8);
    private static final int MAX_BYTES = 1_000_000;

    private StanzaXml() {
    }

    static String write(Stanza stanza) {
        return stanza.toXml();
    }

    static Stanza read(String xml) {
        XmlStreamParser parser = new XmlStreamParser(MAX_BYTES);
        Element[] out = new Element[1];
        XmlStreamHandler handler = new XmlStreamHandler() {
            @Override
            public void streamOpened(StreamHeader header) {
            }

            @Override
            public void element(Element element) {
                out[0] = element;
            }

            @Override
            public void streamClosed() {
            }
        };
        try {
            parser.feed(HEADER, 0, HEADER.length, handler);
            byte[] body = xml.getBytes(StandardCharsets.UTF_8);
            parser.feed(body, 0, body.length, handler);
        } catch (XmlStreamException e) {
            throw new IllegalArgumentException("stored stanza is not valid XML: " + e.getMessage(), e);
        } finally {
            parser.close();
        }
        if (out[0] == null) {
            throw new IllegalArgumentException("stored stanza is incomplete");
        }
        return Stanza.of(out[0]);
    }
}
