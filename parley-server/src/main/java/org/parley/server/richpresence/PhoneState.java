package org.parley.server.richpresence;

import java.util.Locale;
import java.util.Optional;

/**
 * The state of one line appearance (seed "Phone Status"): on-hook and idle, ringing, off-hook
 * (busy, on a call) or set to do-not-disturb. Fed by the REST API now, by the SIP presence
 * gateway later (RFC 4235 dialog states map onto these).
 */
public enum PhoneState {
    IDLE, RINGING, BUSY, DND;

    /** The name in the REST API. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PhoneState> parse(String name) {
        for (PhoneState s : values()) {
            if (s.jsonName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
