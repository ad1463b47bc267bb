package org.parley.server.richpresence;

import java.util.List;
import org.parley.server.presence.Availability;

/** A user's composed presence and every input behind it: the body of {@code GET /api/v1/presence/{jid}}. */
public record PresenceView(Headline headline, List<Device> devices, UserInputs inputs) {

    /** One signed-in, available device: its own show (idle counted as away) and status. */
    public record Device(String resource, String show, String status, int priority, boolean idle) {
    }

    public PresenceView {
        devices = List.copyOf(devices);
    }

    /** The best application status, as the composer would use it (null: none). */
    public Availability bestApp() {
        return AppsSource.best(inputs);
    }
}
