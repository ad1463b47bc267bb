package org.parley.server.presence;

import org.parley.server.core.UserHub;

/**
 * A user's composed availability changed (published on the user's hub executor, after the
 * composer ran): what the Presence Web Service streams. {@code composed} is null when the user
 * has no available device left (unavailable).
 */
public record ComposedPresenceChanged(UserHub hub, Availability composed) {
}
