package org.parley.server.presence;

import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * The availability sub-states of RFC 6121 §4.7.2.1, in the order the composer prefers them:
 * the first one wins when devices disagree.
 *
 * <p>Why dnd first: "do not disturb" is only ever set on purpose, while away and xa are mostly set
 * by a client's idle timer. In an enterprise, a deliberate dnd on the device the user is working
 * on must not be masked by a forgotten laptop showing "available": colleagues would interrupt a
 * meeting. Below dnd the most available device wins (chat, available, away, xa): a user idle at
 * the desk but active on the phone is reachable, and the composed status should say so.
 */
public enum Show {
    DND("dnd"),
    CHAT("chat"),
    AVAILABLE(null),
    AWAY("away"),
    XA("xa");

    private final String xmlValue;

    Show(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    /** The {@code <show/>} text, or null for plain available (which has no {@code <show/>}). */
    public String xmlValue() {
        return xmlValue;
    }

    /** Whether this show should represent the user rather than {@code other}. */
    public boolean beats(Show other) {
        return ordinal() < other.ordinal();
    }

    /** The show of an available presence; a missing or unknown value counts as available (§4.7.2.1). */
    public static Show of(Stanza presence) {
        String text = presence.element().childText("show", Namespaces.CLIENT);
        if (text != null) {
            for (Show s : values()) {
                if (text.trim().equals(s.xmlValue)) {
                    return s;
                }
            }
        }
        return AVAILABLE;
    }
}
