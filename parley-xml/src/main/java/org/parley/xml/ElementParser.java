package org.parley.xml;

import java.nio.charset.StandardCharsets;

/**
 * Parses one standalone element from text, for XML the server stored itself (a vCard, a private
 * XML payload, an offline message). It runs the stream codec in framed mode, so stored XML obeys
 * exactly the rules (restricted XML, size, depth) that applied when it first arrived.
 */
public final class ElementParser {

    private static final byte[] OPEN = ("<open xmlns='" + Namespaces.FRAMING + "'/>").getBytes(StandardCharsets.UTF_8);

    private ElementParser() {
    }

    /** The one element in {@code xml}; fails when it is not exactly one well-formed element within {@code maxBytes}. */
    public static Element parse(String xml, int maxBytes) throws XmlStreamException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        XmlStreamParser parser = XmlStreamParser.framed(Math.max(maxBytes, OPEN.length));
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
            parser.feed(OPEN, 0, OPEN.length, handler);
            parser.feed(bytes, 0, bytes.length, handler);
        } finally {
            parser.close();
        }
        if (out[0] == null) {
            throw new XmlStreamException(StreamErrorCondition.NOT_WELL_FORMED, "no element");
        }
        return out[0];
    }
}
