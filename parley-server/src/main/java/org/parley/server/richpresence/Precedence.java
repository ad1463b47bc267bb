package org.parley.server.richpresence;

import java.util.List;
import java.util.Set;
import org.parley.server.config.ConfigException;
import org.parley.server.presence.PresenceSource;

/**
 * {@code richpresence.precedence}: the inputs in the order the composer listens to them. The
 * presence module's device source sits at {@link PresenceSource#DEVICES}; inputs listed before
 * devices get higher numbers and those after it lower ones, which is all the composer needs.
 */
final class Precedence {

    static final String MANUAL = "manual";
    static final String PHONE = "phone";
    static final String CALENDAR = "calendar";
    static final String APPS = "apps";
    static final String DEVICES = "devices";
    private static final Set<String> NAMES = Set.of(MANUAL, PHONE, CALENDAR, APPS, DEVICES);

    private final List<String> order;

    Precedence(List<String> order) {
        if (order.size() != NAMES.size() || !Set.copyOf(order).equals(NAMES)) {
            throw new ConfigException("richpresence.precedence must name each of " + NAMES + " once, got " + order);
        }
        this.order = List.copyOf(order);
    }

    int of(String input) {
        return order.indexOf(DEVICES) - order.indexOf(input) + PresenceSource.DEVICES;
    }

    List<String> order() {
        return order;
    }
}
