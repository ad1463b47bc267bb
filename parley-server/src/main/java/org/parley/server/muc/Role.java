package org.parley.server.muc;

import java.util.Locale;

/** A temporary position of an occupant while in the room (XEP-0045 §5.1), strongest first. */
public enum Role {
    MODERATOR, PARTICIPANT, VISITOR, NONE;

    public String xmlValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        if (value == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.xmlValue().equals(value)) {
                return r;
            }
        }
        return null;
    }

    /** The role an occupant with {@code affiliation} gets on entering (XEP-0045 §5.1.2). */
    public static Role onEntry(Affiliation affiliation, boolean moderated) {
        if (affiliation.isAdministrative()) {
            return MODERATOR;
        }
        return moderated && affiliation == Affiliation.NONE ? VISITOR : PARTICIPANT;
    }
}
