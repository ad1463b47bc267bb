package org.parley.xml;

/**
 * Receives what an {@link XmlStreamParser} finds, synchronously, on the thread that feeds it.
 *
 * <p>A callback may call {@link XmlStreamParser#reset()} (after STARTTLS or SASL success) or
 * {@link XmlStreamParser#close()}; the parser then stops using the old stream at once and feeds
 * any bytes left in the current chunk to the fresh one.
 */
public interface XmlStreamHandler {

    /** The stream header ({@code <stream:stream ...>}, or {@code <open/>} in framed mode) was read. */
    void streamOpened(StreamHeader header);

    /** One complete child of the stream: a stanza, or a nonza such as {@code <starttls/>} or {@code <stream:features/>}. */
    void element(Element element);

    /** The peer closed the stream ({@code </stream:stream>}, or {@code <close/>} in framed mode). */
    void streamClosed();
}
