package org.parley.server.roster;

import java.util.Objects;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * The effect of one roster update: the row before and after (null when absent) and the roster
 * version after it. {@link #changed()} is false when the update found nothing to do.
 */
public record RosterChange(EntityBareJid user, BareJid contact, RosterItem before, RosterItem after, long version) {

    public boolean changed() {
        return !Objects.equals(before, after);
    }

    public boolean gainedFrom() {
        return !hasFrom(before) && hasFrom(after);
    }

    public boolean lostFrom() {
        return hasFrom(before) && !hasFrom(after);
    }

    public boolean gainedTo() {
        return !hasTo(before) && hasTo(after);
    }

    public boolean lostTo() {
        return hasTo(before) && !hasTo(after);
    }

    /** Whether the roster as clients see it changed (unlisted rows are invisible). */
    public boolean visible() {
        return changed() && (isListed(before) || isListed(after));
    }

    private static boolean hasFrom(RosterItem i) {
        return i != null && i.hasFrom();
    }

    private static boolean hasTo(RosterItem i) {
        return i != null && i.hasTo();
    }

    private static boolean isListed(RosterItem i) {
        return i != null && i.listed();
    }
}
