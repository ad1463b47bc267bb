package org.parley.server.roster;

/** The 'subscription' attribute of a roster item (RFC 6121 §2.1.2.5), from the roster owner's view. */
public enum Subscription {
    /** Neither side receives the other's presence. */
    NONE("none"),
    /** The owner receives the contact's presence. */
    TO("to"),
    /** The contact receives the owner's presence. */
    FROM("from"),
    BOTH("both");

    private final String value;

    Subscription(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public boolean hasTo() {
        return this == TO || this == BOTH;
    }

    public boolean hasFrom() {
        return this == FROM || this == BOTH;
    }

    public Subscription withTo(boolean to) {
        return of(to, hasFrom());
    }

    public Subscription withFrom(boolean from) {
        return of(hasTo(), from);
    }

    public static Subscription of(boolean to, boolean from) {
        return to ? (from ? BOTH : TO) : (from ? FROM : NONE);
    }

    public static Subscription parse(String value) {
        for (Subscription s : values()) {
            if (s.value.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown subscription: " + value);
    }
}
