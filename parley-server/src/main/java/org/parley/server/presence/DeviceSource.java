package org.parley.server.presence;

import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;
import org.parley.xml.Namespaces;

/**
 * The user's signed-in devices: the best {@link Show} among the available resources, with that
 * device's status text. Among devices with the same show the higher priority wins, then the one
 * that says something (a status text), so the composed text is the most telling one.
 *
 * <p>A device that says it is idle (XEP-0319 {@code <idle/>}) counts as away even if its show says
 * more available: the user is not at it. A deliberate dnd stays dnd.
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
            Show show = effectiveShow(r);
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

    /** The device's show, with an idle device (XEP-0319) counted as away. */
    public static Show effectiveShow(Resource r) {
        Show show = Show.of(r.presence());
        boolean idle = r.presence().element().child("idle", Namespaces.IDLE).isPresent();
        return idle && show.beats(Show.AWAY) && show != Show.DND ? Show.AWAY : show;
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
