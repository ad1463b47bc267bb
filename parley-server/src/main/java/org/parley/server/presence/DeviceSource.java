package org.parley.server.presence;

import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;
import org.parley.xml.Namespaces;

/**
 * The user's signed-in devices: the best {@link Show} among the available resources, with that
 * device's status text. Among devices with the same show the higher priority wins, then the one
 * that says something (a status text), so the composed text is the most telling one.
 */
public final class DeviceSource implements PresenceSource {

    @Override
    public int precedence() {
        return DEVICES;
    }

    @Override
    public Availability opinion(UserHub hub) {
        Resource best = null;
        Show bestShow = null;
        String bestStatus = null;
        for (Resource r : hub.availableResources()) {
            Show show = Show.of(r.presence());
            String status = r.presence().element().childText("status", Namespaces.CLIENT);
            if (best == null || show.beats(bestShow)
                    || (show == bestShow && better(r, status, best, bestStatus))) {
                best = r;
                bestShow = show;
                bestStatus = status;
            }
        }
        return best == null ? null : new Availability(bestShow, bestStatus);
    }

    private static boolean better(Resource r, String status, Resource best, String bestStatus) {
        if (r.priority() != best.priority()) {
            return r.priority() > best.priority();
        }
        return isBlank(bestStatus) && !isBlank(status);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
