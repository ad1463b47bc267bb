package org.parley.xml;

/** A top-level element that cannot be a stanza: wrong name, or a from/to that is not a valid JID. */
public final class InvalidStanzaException extends Exception {

    private final StanzaErrorCondition condition;

    public InvalidStanzaException(StanzaErrorCondition condition, String message) {
        super(message);
        this.condition = condition;
    }

    public StanzaErrorCondition condition() {
        return condition;
    }
}
