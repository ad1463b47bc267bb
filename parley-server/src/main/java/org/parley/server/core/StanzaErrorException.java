package org.parley.server.core;

import org.parley.xml.StanzaErrorCondition;

/** Thrown (or completed exceptionally) by a handler to answer with a stanza error; the router builds the reply. */
public final class StanzaErrorException extends RuntimeException {

    private final StanzaErrorCondition condition;
    private final String errorType;

    public StanzaErrorException(StanzaErrorCondition condition, String text) {
        this(condition, condition.defaultType(), text);
    }

    public StanzaErrorException(StanzaErrorCondition condition, String errorType, String text) {
        super(text, null, false, false);
        this.condition = condition;
        this.errorType = errorType;
    }

    public StanzaErrorCondition condition() {
        return condition;
    }

    public String errorType() {
        return errorType;
    }

    /** The human-readable text, or null. */
    public String text() {
        return getMessage();
    }
}
