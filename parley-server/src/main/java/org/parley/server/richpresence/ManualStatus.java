package org.parley.server.richpresence;

import java.util.Objects;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.presence.Availability;
import org.parley.server.presence.Show;

/**
 * A user's one manual presence (seed "Manual Presence"): dnd, away or available, with optional
 * text. {@code setBy} is the resource of the client that set it, so that it is cleared when that
 * client signs out; null when it came from the REST API or a third-party application.
 */
public record ManualStatus(Availability availability, Resourcepart setBy) {

    public ManualStatus {
        Objects.requireNonNull(availability, "availability");
        Show show = availability.show();
        if (show != Show.DND && show != Show.AWAY && show != Show.AVAILABLE) {
            throw new IllegalArgumentException("manual presence is dnd, away or available");
        }
    }
}
