package org.parley.server.muc;

import java.util.Locale;

/** A long-lived relation between a user and a room (XEP-0045 §5.2), strongest first. */
public enum Affiliation {
    OWNER, ADMIN, MEMBER, NONE, OUTCAST;

    public String xmlValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The affiliation named in XML or JSON, or null when unknown. */
    public static Affiliation parse(String value) {
        if (value == null) {
            return null;
        }
        for (Affiliation a : values()) {
            if (a.xmlValue().equals(value)) {
                return a;
            }
        }
        return null;
    }

    /** At least as strong as {@code other} (outcast is below none). */
    public boolean atLeast(Affiliation other) {
        return ordinal() <= other.ordinal();
    }

    /** Owner or admin: both are room administrators with moderator role. */
    public boolean isAdministrative() {
        return this == OWNER || this == ADMIN;
    }
}
