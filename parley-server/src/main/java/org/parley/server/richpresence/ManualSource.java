package org.parley.server.richpresence;

import org.parley.server.core.UserHub;
import org.parley.server.presence.Availability;
import org.parley.server.presence.PresenceSource;

/** The user's manual presence, as set: it overrides system-determined inputs placed after it. */
final class ManualSource implements PresenceSource {

    private final PresenceInputs inputs;
    private final int precedence;

    ManualSource(PresenceInputs inputs, int precedence) {
        this.inputs = inputs;
        this.precedence = precedence;
    }

    @Override
    public int precedence() {
        return precedence;
    }

    @Override
    public Availability opinion(UserHub hub) {
        ManualStatus manual = inputs.get(hub.user()).manual();
        return manual == null ? null : manual.availability();
    }
}
