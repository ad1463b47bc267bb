package org.parley.xml;

/** The three stanza kinds of RFC 6120 §8. */
public enum StanzaKind {
    MESSAGE("message"), PRESENCE("presence"), IQ("iq");

    private final String elementName;

    StanzaKind(String elementName) {
        this.elementName = elementName;
    }

    public String elementName() {
        return elementName;
    }

    /** The kind for a top-level element name, or null when the element is not a stanza. */
    public static StanzaKind ofElementName(String name) {
        return switch (name) {
            case "message" -> MESSAGE;
            case "presence" -> PRESENCE;
            case "iq" -> IQ;
            default -> null;
        };
    }
}
