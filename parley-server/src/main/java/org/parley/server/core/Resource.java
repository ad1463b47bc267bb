package org.parley.server.core;

import java.util.HashMap;
import java.util.Map;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * One bound resource of an online user, as its {@link UserHub} sees it: the session plus the
 * routing-relevant state of RFC 6121 (its last available presence, whether it asked for the
 * roster). Touched only on the hub's executor.
 */
public final class Resource {

    private final Session session;
    private Stanza presence;
    private int priority;
    private boolean rosterRequested;
    private final Map<AttachmentKey<?>, Object> attachments = new HashMap<>(2);

    Resource(Session session) {
        this.session = session;
    }

    public Session session() {
        return session;
    }

    /** The last available presence this resource sent, or null while unavailable. */
    public Stanza presence() {
        return presence;
    }

    /** True once the resource has sent initial presence and until it sends unavailable. */
    public boolean isAvailable() {
        return presence != null;
    }

    public int priority() {
        return priority;
    }

    public void setPresence(Stanza availablePresence) {
        this.presence = availablePresence;
        this.priority = availablePresence == null ? 0 : parsePriority(availablePresence);
    }

    public boolean rosterRequested() {
        return rosterRequested;
    }

    public void setRosterRequested(boolean rosterRequested) {
        this.rosterRequested = rosterRequested;
    }

    /** Per-resource state owned by a module (carbons enabled, forking...). */
    @SuppressWarnings("unchecked")
    public <T> T attachment(AttachmentKey<T> key) {
        return (T) attachments.get(key);
    }

    public <T> void attach(AttachmentKey<T> key, T value) {
        if (value == null) {
            attachments.remove(key);
        } else {
            attachments.put(key, value);
        }
    }

    /** RFC 6121 §4.7.2.3: an integer in -128..127, default 0; out of range or garbage counts as 0. */
    static int parsePriority(Stanza presence) {
        String text = presence.element().childText("priority", Namespaces.CLIENT);
        if (text == null) {
            return 0;
        }
        try {
            int p = Integer.parseInt(text.trim());
            return p < -128 || p > 127 ? 0 : p;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
