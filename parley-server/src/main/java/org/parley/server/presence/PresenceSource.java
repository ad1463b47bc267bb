package org.parley.server.presence;

import org.parley.server.core.UserHub;

/**
 * One input to a user's composed presence (DESIGN.md "Presence goes through a composer"). The
 * core ships the {@link DeviceSource}; rich presence adds manual status, phone, calendar and
 * third-party sources by registering more sources with {@link PresenceModule#addSource} and calling
 * {@link PresenceModule#recompose} when their state changes — the composer itself does not change.
 *
 * <p>The composer asks the sources in descending {@link #precedence()} and takes the first
 * opinion it gets; devices sit at {@link #DEVICES}, so a source meant to override them (manual
 * status, "on the phone") uses a higher number and one meant only as a fallback a lower one.
 * A user with no available device is unavailable whatever the sources say: presence is only
 * shared per signed-in resource (RFC 6121 §4).
 */
public interface PresenceSource {

    /** The precedence of the device source. */
    int DEVICES = 0;

    int precedence();

    /**
     * This source's view of the user, or null when it has none. Called on the user's hub
     * executor; must be quick and must not block (keep the source's state on the hub).
     */
    Availability opinion(UserHub hub);
}
