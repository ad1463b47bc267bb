package org.parley.xml;

/** TEMPORARY (see {@link XmlStreamHandler}): the stream is not well-formed or too large. */
public class XmlStreamException extends Exception {
    public XmlStreamException(String message) {
        super(message);
    }

    public XmlStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
