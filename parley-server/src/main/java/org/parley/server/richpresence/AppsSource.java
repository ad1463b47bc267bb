package org.parley.server.richpresence;

import org.parley.server.core.UserHub;
import org.parley.server.presence.Availability;
import org.parley.server.presence.PresenceSource;

/**
 * Statuses pushed by third-party applications. When several apps speak, the most telling one
 * wins by the same order as devices ({@link org.parley.server.presence.Show}: dnd first, then the
 * most available), and among equals the one with a status text.
 */
final class AppsSource implements PresenceSource {

    private final PresenceInputs inputs;
    private final int precedence;

    AppsSource(PresenceInputs inputs, int precedence) {
        this.inputs = inputs;
        this.precedence = precedence;
    }

    @Override
    public int precedence() {
        return precedence;
    }

    @Override
    public Availability opinion(UserHub hub) {
        return best(inputs.get(hub.user()));
    }

    static Availability best(UserInputs in) {
        Availability best = null;
        for (Availability a : in.apps().values()) {
            if (best == null || a.show().beats(best.show())
                    || (a.show() == best.show() && best.status() == null && a.status() != null)) {
                best = a;
            }
        }
        return best;
    }
}
