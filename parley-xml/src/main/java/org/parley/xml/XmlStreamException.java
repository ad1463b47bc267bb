package org.parley.xml;

/** The peer's bytes broke the stream; the condition is what to send in {@code <stream:error/>}. */
public final class XmlStreamException extends Exception {

    private final StreamErrorCondition condition;

    public XmlStreamException(StreamErrorCondition condition, String message) {
        super(message);
        this.condition = condition;
    }

    public XmlStreamException(StreamErrorCondition condition, String message, Throwable cause) {
        super(message, cause);
        this.condition = condition;
    }

    public StreamErrorCondition condition() {
        return condition;
    }
}
