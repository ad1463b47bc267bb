package org.parley.server.presence;

import java.util.Objects;

/**
 * What one presence source says about a user, and what the composer concludes: a show and an
 * optional human-readable status text.
 */
public record Availability(Show show, String status) {

    public Availability {
        Objects.requireNonNull(show, "show");
        if (status != null && status.isEmpty()) {
            status = null;
        }
    }
}
