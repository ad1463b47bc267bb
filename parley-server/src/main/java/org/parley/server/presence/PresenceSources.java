package org.parley.server.presence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The registered presence sources, highest precedence first; registration may happen at any time. */
final class PresenceSources {

    private volatile List<PresenceSource> sorted = List.of();

    synchronized void add(PresenceSource source) {
        List<PresenceSource> copy = new ArrayList<>(sorted);
        copy.add(source);
        copy.sort(Comparator.comparingInt(PresenceSource::precedence).reversed());
        sorted = List.copyOf(copy);
    }

    List<PresenceSource> list() {
        return sorted;
    }
}
