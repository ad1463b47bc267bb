package org.parley.server.richpresence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.server.presence.Availability;
import org.parley.server.richpresence.calendar.CalendarState;

/**
 * Everything besides devices that feeds one user's composed presence. Immutable: a change
 * replaces the whole value, so the composer (on the user's hub) reads a consistent snapshot
 * without locks while REST threads and pollers write.
 */
public record UserInputs(ManualStatus manual, Map<String, PhoneState> lines, CalendarState calendar,
                         Map<String, Availability> apps) {

    public static final UserInputs NONE = new UserInputs(null, Map.of(), null, Map.of());

    public UserInputs {
        lines = Map.copyOf(lines);
        apps = Map.copyOf(apps);
    }

    public UserInputs withManual(ManualStatus value) {
        return new UserInputs(value, lines, calendar, apps);
    }

    public UserInputs withLine(String line, PhoneState state) {
        Map<String, PhoneState> copy = new LinkedHashMap<>(lines);
        if (state == PhoneState.IDLE) {
            copy.remove(line); // idle is the absence of phone activity; nothing to remember
        } else {
            copy.put(line, state);
        }
        return new UserInputs(manual, copy, calendar, apps);
    }

    public UserInputs withCalendar(CalendarState value) {
        return new UserInputs(manual, lines, value == CalendarState.FREE ? null : value, apps);
    }

    public UserInputs withApp(String app, Availability value) {
        Map<String, Availability> copy = new LinkedHashMap<>(apps);
        if (value == null) {
            copy.remove(app);
        } else {
            copy.put(app, value);
        }
        return new UserInputs(manual, lines, calendar, copy);
    }

    /** The strongest phone state over all lines: dnd, then busy, then ringing; idle when none. */
    public PhoneState phone() {
        PhoneState best = PhoneState.IDLE;
        for (PhoneState s : lines.values()) {
            if (s == PhoneState.DND || (s == PhoneState.BUSY && best != PhoneState.DND)
                    || (s == PhoneState.RINGING && best == PhoneState.IDLE)) {
                best = s;
            }
        }
        return best;
    }

    boolean isEmpty() {
        return manual == null && lines.isEmpty() && calendar == null && apps.isEmpty();
    }
}
