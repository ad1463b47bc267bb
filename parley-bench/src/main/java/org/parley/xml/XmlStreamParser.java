package org.parley.xml;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;

/**
 * TEMPORARY minimal stand-in for the stream parser branch h-xml is writing (same constructor and
 * methods), so the bench client runs before it lands. Delete from parley-bench when parley-xml
 * provides it. It trusts its peer (a server under test on localhost): no DTD hardening beyond
 * Aalto's defaults, and the element size limit is approximate (bytes fed while inside an element).
 */
public final class XmlStreamParser {

    private static final AsyncXMLInputFactory FACTORY = new InputFactoryImpl();

    private final int maxElementBytes;
    private AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = FACTORY.createAsyncForByteArray();
    private final Deque<Element.Builder> open = new ArrayDeque<>();
    private int depth;
    private long bytesInElement;

    public XmlStreamParser(int maxElementBytes) {
        this.maxElementBytes = maxElementBytes;
    }

    public void feed(byte[] b, int off, int len, XmlStreamHandler h) throws XmlStreamException {
        try {
            reader.getInputFeeder().feedInput(b, off, len);
            if (depth > 1) {
                bytesInElement += len;
                if (bytesInElement > maxElementBytes) {
                    throw new XmlStreamException("element larger than " + maxElementBytes + " bytes");
                }
            }
            int event;
            while ((event = reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                switch (event) {
                    case AsyncXMLStreamReader.START_ELEMENT -> start(h);
                    case AsyncXMLStreamReader.END_ELEMENT -> end(h);
                    case AsyncXMLStreamReader.CHARACTERS, AsyncXMLStreamReader.CDATA -> {
                        if (!open.isEmpty()) {
                            open.peek().text(reader.getText());
                        }
                    }
                    default -> { }
                }
            }
        } catch (XMLStreamException e) {
            throw new XmlStreamException(e.getMessage(), e);
        }
    }

    public void reset() {
        reader = FACTORY.createAsyncForByteArray();
        open.clear();
        depth = 0;
        bytesInElement = 0;
    }

    private void start(XmlStreamHandler h) {
        depth++;
        if (depth == 1) {
            String ns = reader.getNamespaceContext().getNamespaceURI(XMLConstants.DEFAULT_NS_PREFIX);
            h.streamOpened(new StreamHeader(attr("to"), attr("from"), attr("id"), attr("version"),
                    reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang"), ns == null || ns.isEmpty() ? null : ns));
            return;
        }
        if (depth == 2) {
            bytesInElement = 0;
        }
        String ns = reader.getNamespaceURI();
        Element.Builder b = Element.builder(reader.getLocalName(), ns == null ? "" : ns);
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String prefix = reader.getAttributePrefix(i);
            String name = reader.getAttributeLocalName(i);
            b.attribute(prefix == null || prefix.isEmpty() ? name : prefix + ":" + name, reader.getAttributeValue(i));
        }
        open.push(b);
    }

    private void end(XmlStreamHandler h) {
        depth--;
        if (depth == 0) {
            h.streamClosed();
            return;
        }
        Element done = open.pop().build();
        if (open.isEmpty()) {
            h.element(done);
        } else {
            open.peek().child(done);
        }
    }

    private String attr(String name) {
        return reader.getAttributeValue(null, name);
    }
}
