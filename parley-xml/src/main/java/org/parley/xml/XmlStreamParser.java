package org.parley.xml;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Non-blocking XMPP stream codec (RFC 6120 §4, §11): bytes in, stream header, top-level elements
 * and stream end out, on Aalto's asynchronous reader so that input may be split anywhere.
 *
 * <p>Restricted XML (RFC 6120 §11.1) is refused rather than processed: a DOCTYPE, comment,
 * processing instruction or entity reference (other than the five predefined entities and
 * character references) fails the stream with {@code restricted-xml}; nothing is ever expanded.
 * Each top-level element is bounded in bytes (counted while it arrives), depth and attribute
 * count, so a peer cannot make the server buffer without limit.
 *
 * <p>What an idle parser holds (measured ≈ 3.8 KB in all): the Aalto reader with its scanner,
 * small name/character buffers and the stream's namespace bindings; the root start tag (≈ 100
 * bytes, to prime a replacement reader); an empty builder stack; a text buffer of at most 1 KB; a
 * few counters. Buffers grown by a large element are dropped at the next idle point (see
 * {@link #RENEW_AFTER_BYTES}). After {@link #reset()} and before the next byte it holds no reader
 * at all. Not thread-safe: one parser per stream, fed on that stream's event loop.
 *
 * <p>In framed mode ({@link #framed}, RFC 7395 over WebSocket) every {@link #feed} is one
 * WebSocket message holding exactly one complete element, {@code <open/>} stands for the stream
 * header and {@code <close/>} for its end.
 */
public final class XmlStreamParser {

    /** Far deeper than any real payload (a data form nests about five); more is an attack on the stack. */
    public static final int MAX_DEPTH = 64;
    /** Far more attributes than any XMPP element carries. */
    public static final int MAX_ATTRIBUTES = 64;
    /** Framed mode parses all messages as children of this synthetic root, so one reader serves the connection. */
    private static final byte[] FRAMED_ROOT = "<ws>".getBytes(StandardCharsets.US_ASCII);
    /**
     * Aalto's buffers grow to the largest token seen and never shrink (a 60 KB body left ≈ 270 KB
     * behind). After an element this large the reader is replaced at the next idle point by a
     * fresh one, primed with the stream's start tag so the namespace bindings carry over.
     */
    static final int RENEW_AFTER_BYTES = 4096;

    /**
     * One configured factory for all parsers: Aalto factories are thread-safe once configured and
     * share their symbol tables with every reader they create, which keeps each reader small.
     * It is immutable configuration, not a service locator.
     */
    private static final AsyncXMLInputFactory FACTORY = newFactory();

    private final int maxElementBytes;
    private final boolean framed;
    private final ElementAssembler assembler = new ElementAssembler();

    private AsyncXMLStreamReader<AsyncByteArrayFeeder> reader; // null until the first byte of a stream
    private int generation; // bumped by reset()/close(), so a feed notices a handler that called them
    private boolean closed;
    private XmlStreamException failure;

    private boolean rootSeen;
    private boolean priming; // feeding our own root start tag to a fresh reader: no header checks or callbacks
    private boolean rootClosed; // the peer's end tag closed the stream: nothing may follow
    private boolean renewReader; // an element larger than RENEW_AFTER_BYTES went through this reader
    private byte[] rootTag; // stream mode: the root start tag with its namespace declarations, to prime a new reader
    private boolean prologDone; // stream mode: the bytes before the root were checked for "<!"
    private boolean prologLt; // stream mode: the previous prolog byte was '<'
    private boolean frameOpened; // framed mode: <open/> was seen
    private int elementsInFeed; // framed mode: top-level elements in the current message

    private long fed; // bytes fed to the current reader
    private long boundary; // where the current top-level element began: the end of the last complete event at depth 0
    private long chunkBase; // Aalto reports positions offset by the array index of the current chunk
    private long lastPosition; // stream position just before the latest handler call

    public XmlStreamParser(int maxElementBytes) {
        this(maxElementBytes, false);
    }

    private XmlStreamParser(int maxElementBytes, boolean framed) {
        if (maxElementBytes <= 0) {
            throw new IllegalArgumentException("maxElementBytes must be positive: " + maxElementBytes);
        }
        this.maxElementBytes = maxElementBytes;
        this.framed = framed;
    }

    /** A parser for RFC 7395 WebSocket messages: each {@link #feed} is one message holding one element. */
    public static XmlStreamParser framed(int maxElementBytes) {
        return new XmlStreamParser(maxElementBytes, true);
    }

    private static AsyncXMLInputFactory newFactory() {
        AsyncXMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** Feeds bytes; calls the handler synchronously for every complete event they finish. */
    public void feed(byte[] bytes, int offset, int length, XmlStreamHandler handler) throws XmlStreamException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        Objects.requireNonNull(handler, "handler");
        if (closed) {
            throw new IllegalStateException("parser closed");
        }
        if (failure != null) {
            throw failure;
        }
        try {
            elementsInFeed = 0;
            int end = offset + length;
            while (offset < end) {
                offset += feedChunk(bytes, offset, end - offset, handler);
                if (closed) {
                    return;
                }
            }
            if (framed && (!isIdle() || elementsInFeed > 1)) {
                throw new XmlStreamException(StreamErrorCondition.NOT_WELL_FORMED,
                        "a WebSocket message must hold exactly one complete element");
            }
        } catch (XmlStreamException e) {
            fail(e);
            throw e;
        } catch (XMLStreamException e) {
            XmlStreamException x = new XmlStreamException(StreamErrorCondition.NOT_WELL_FORMED, e.getMessage(), e);
            fail(x);
            throw x;
        } catch (RuntimeException e) {
            // Typically a handler threw mid-chunk: the reader still holds unread bytes, so this stream is unusable.
            fail(new XmlStreamException(StreamErrorCondition.INTERNAL_SERVER_ERROR, "handler or reader failed", e));
            throw e;
        }
    }

    /** Starts a fresh stream (after STARTTLS or SASL success, RFC 6120 §5.4.3.3, §6.4.6); cheap until bytes arrive. */
    public void reset() {
        releaseReader();
        failure = null;
        rootSeen = false;
        rootClosed = false;
        renewReader = false;
        rootTag = null;
        prologDone = false;
        prologLt = false;
        frameOpened = false;
        fed = 0;
        boundary = 0;
        assembler.clear();
    }

    /**
     * Drops the reader while no partial element is buffered, keeping only the stream's start tag:
     * the next {@link #feed} builds a fresh reader primed with it, so namespace bindings carry
     * over. An idle bound session then holds ≈ 0.2 KB of parser state instead of ≈ 3.8 KB, for
     * the price of a reader per read (Aalto recycles its buffers per thread, so that is mostly
     * the priming of one start tag). Does nothing mid-element, before the stream header, after
     * its end, in framed mode, or after a failure.
     *
     * @return true if the reader was dropped
     */
    public boolean hibernate() {
        if (framed || reader == null || rootTag == null || rootClosed || failure != null || !isIdle()) {
            return false;
        }
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // Closing an in-memory reader releases buffers only; nothing to report.
        }
        reader = null;
        renewReader = false;
        return true;
    }

    /** Releases all reader state; the parser cannot be fed afterwards. */
    public void close() {
        releaseReader();
        assembler.clear();
        closed = true;
    }

    /** True when no partial element or header is buffered, so the caller may drop its own input buffers. */
    public boolean isIdle() {
        return reader == null || (failure == null && rootSeen && assembler.depth() == 0 && boundary == fed);
    }

    private void fail(XmlStreamException e) {
        failure = e;
        releaseReader();
        assembler.clear();
    }

    private void releaseReader() {
        generation++;
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Closing an in-memory reader releases buffers only; nothing to report.
            }
            reader = null;
        }
    }

    /** Feeds one chunk to the current reader; returns how many bytes it used (fewer only if a handler reset the parser). */
    private int feedChunk(byte[] bytes, int offset, int length, XmlStreamHandler handler)
            throws XMLStreamException, XmlStreamException {
        if (reader == null) {
            reader = FACTORY.createAsyncForByteArray();
            if (framed) {
                prime(FRAMED_ROOT, handler);
            } else if (rootTag != null) {
                // Waking from hibernate(): the same stream continues in a fresh reader.
                fed = 0;
                boundary = 0;
                prime(rootTag, handler);
            }
        }
        if (!framed && !prologDone) {
            checkProlog(bytes, offset, length);
        }
        long before = fed;
        int gen = generation;
        long stoppedAt = feedAndDrain(bytes, offset, length, handler, gen);
        if (gen != generation) {
            return (int) (stoppedAt - before);
        }
        if (fed - boundary > maxElementBytes) {
            throw new XmlStreamException(StreamErrorCondition.POLICY_VIOLATION,
                    "element exceeds " + maxElementBytes + " bytes");
        }
        if (renewReader && !rootClosed && isIdle() && (framed || rootTag != null)) {
            renew(handler);
        }
        return length;
    }

    /** Swaps the reader for a fresh one in the same namespace context, dropping the buffers the old one grew. */
    private void renew(XmlStreamHandler handler) throws XMLStreamException, XmlStreamException {
        renewReader = false;
        reader.close();
        reader = FACTORY.createAsyncForByteArray();
        fed = 0;
        boundary = 0;
        prime(framed ? FRAMED_ROOT : rootTag, handler);
    }

    private void prime(byte[] tag, XmlStreamHandler handler) throws XMLStreamException, XmlStreamException {
        priming = true;
        rootSeen = false;
        try {
            feedAndDrain(tag, 0, tag.length, handler, generation);
        } finally {
            priming = false;
        }
    }

    /**
     * Aalto's async scanner rejects an internal DTD subset as a plain syntax error, so a DOCTYPE
     * (and a comment) before the root is recognised here, by its {@code <!}, to answer restricted-xml.
     */
    private void checkProlog(byte[] bytes, int offset, int length) throws XmlStreamException {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (prologLt) {
                if (b == '!') {
                    throw new XmlStreamException(StreamErrorCondition.RESTRICTED_XML, "DTD or comment in prolog");
                }
                if (b != '?') {
                    prologDone = true; // the root's start tag: Aalto checks everything after it
                    return;
                }
                prologLt = false;
            } else if (b == '<') {
                prologLt = true;
            }
        }
    }

    /** Runs the reader over one chunk; returns the stream position when a handler reset or closed the parser. */
    private long feedAndDrain(byte[] bytes, int offset, int length, XmlStreamHandler handler, int gen)
            throws XMLStreamException, XmlStreamException {
        AsyncXMLStreamReader<AsyncByteArrayFeeder> r = reader;
        r.getInputFeeder().feedInput(bytes, offset, length);
        chunkBase = offset;
        fed += length;
        int event;
        while ((event = r.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
            switch (event) {
                case XMLStreamConstants.START_DOCUMENT -> checkEncoding(r);
                case XMLStreamConstants.START_ELEMENT -> startElement(r, handler);
                case XMLStreamConstants.END_ELEMENT -> endElement(r, handler);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        characters(r);
                case XMLStreamConstants.END_DOCUMENT -> { }
                case XMLStreamConstants.DTD -> throw restricted("DTD");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw restricted("entity reference");
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> throw restricted("processing instruction");
                case XMLStreamConstants.COMMENT -> throw restricted("comment");
                default -> throw new XmlStreamException(StreamErrorCondition.BAD_FORMAT, "unexpected XML event " + event);
            }
            if (gen != generation || closed) {
                return lastPosition;
            }
        }
        return fed;
    }

    /** Bytes of this stream the reader has consumed. Aalto adds the chunk's array offset, hence the correction. */
    private long position(AsyncXMLStreamReader<AsyncByteArrayFeeder> r) throws XMLStreamException {
        return r.getLocationInfo().getEndingByteOffset() - chunkBase;
    }

    private static XmlStreamException restricted(String what) {
        return new XmlStreamException(StreamErrorCondition.RESTRICTED_XML, what + " not allowed (RFC 6120 §11.1)");
    }

    private static void checkEncoding(AsyncXMLStreamReader<?> r) throws XmlStreamException {
        String encoding = r.getCharacterEncodingScheme();
        if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
            throw new XmlStreamException(StreamErrorCondition.UNSUPPORTED_ENCODING, "only UTF-8, not " + encoding);
        }
    }

    private void startElement(AsyncXMLStreamReader<AsyncByteArrayFeeder> r, XmlStreamHandler handler)
            throws XMLStreamException, XmlStreamException {
        if (!rootSeen) {
            rootSeen = true;
            boundary = position(r);
            if (!framed && !priming) {
                if (!"stream".equals(r.getLocalName()) || !Namespaces.STREAM.equals(r.getNamespaceURI())) {
                    throw new XmlStreamException(StreamErrorCondition.INVALID_NAMESPACE,
                            "the stream root must be <stream xmlns='" + Namespaces.STREAM + "'>");
                }
                rootTag = StreamRoot.startTag(r);
                lastPosition = boundary;
                handler.streamOpened(StreamRoot.header(r));
            }
            return;
        }
        if (assembler.depth() >= MAX_DEPTH) {
            throw new XmlStreamException(StreamErrorCondition.POLICY_VIOLATION, "elements nested deeper than " + MAX_DEPTH);
        }
        if (r.getAttributeCount() > MAX_ATTRIBUTES) {
            throw new XmlStreamException(StreamErrorCondition.POLICY_VIOLATION, "more than " + MAX_ATTRIBUTES + " attributes");
        }
        assembler.start(r);
    }

    private void endElement(AsyncXMLStreamReader<AsyncByteArrayFeeder> r, XmlStreamHandler handler)
            throws XMLStreamException, XmlStreamException {
        if (assembler.depth() == 0) {
            boundary = position(r);
            lastPosition = boundary;
            rootClosed = true;
            handler.streamClosed(); // framed mode never closes its synthetic root
            return;
        }
        Element done = assembler.end();
        if (done == null) {
            return;
        }
        long end = position(r);
        if (end - boundary > maxElementBytes) {
            throw new XmlStreamException(StreamErrorCondition.POLICY_VIOLATION,
                    "element exceeds " + maxElementBytes + " bytes");
        }
        if (end - boundary > RENEW_AFTER_BYTES) {
            renewReader = true;
        }
        boundary = end;
        lastPosition = end;
        if (framed) {
            dispatchFramed(done, handler);
        } else {
            handler.element(done);
        }
    }

    private void dispatchFramed(Element done, XmlStreamHandler handler) throws XmlStreamException {
        elementsInFeed++;
        if (done.is("open", Namespaces.FRAMING)) {
            frameOpened = true;
            handler.streamOpened(new StreamHeader(done.attribute("to"), done.attribute("from"), done.attribute("id"),
                    done.attribute("version"), done.attribute("xml:lang"), Namespaces.CLIENT));
        } else if (!frameOpened) {
            throw new XmlStreamException(StreamErrorCondition.INVALID_NAMESPACE,
                    "expected <open xmlns='" + Namespaces.FRAMING + "'/>, got <" + done.name() + "/>");
        } else if (done.is("close", Namespaces.FRAMING)) {
            handler.streamClosed();
        } else {
            handler.element(done);
        }
    }

    private void characters(AsyncXMLStreamReader<AsyncByteArrayFeeder> r) throws XMLStreamException, XmlStreamException {
        if (assembler.depth() > 0) {
            assembler.text(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            return;
        }
        // Between top-level elements only whitespace may appear: it is the RFC 6120 §4.6.1 keepalive.
        char[] chars = r.getTextCharacters();
        for (int i = r.getTextStart(), end = i + r.getTextLength(); i < end; i++) {
            char c = chars[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                throw new XmlStreamException(StreamErrorCondition.NOT_WELL_FORMED, "text outside any stanza");
            }
        }
        if (rootSeen) {
            boundary = position(r);
        }
    }
}
