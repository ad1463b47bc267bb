package org.parley.server.richpresence;

import org.parley.server.core.UserHub;
import org.parley.server.presence.Availability;
import org.parley.server.presence.PresenceSource;
import org.parley.server.presence.Show;
import org.parley.server.richpresence.calendar.CalendarState;

/**
 * The calendar: a current meeting makes the user dnd ("In a meeting"), out of office makes them
 * xa; a tentative meeting counts as a meeting only when {@code calendar.tentativeIsBusy}.
 */
final class CalendarPresenceSource implements PresenceSource {

    private final PresenceInputs inputs;
    private final int precedence;
    private final StatusTexts texts;

    CalendarPresenceSource(PresenceInputs inputs, int precedence, StatusTexts texts) {
        this.inputs = inputs;
        this.precedence = precedence;
        this.texts = texts;
    }

    @Override
    public int precedence() {
        return precedence;
    }

    @Override
    public Availability opinion(UserHub hub) {
        CalendarState state = inputs.get(hub.user()).calendar();
        if (state == null || (state == CalendarState.TENTATIVE && !texts.tentativeIsBusy())) {
            return null;
        }
        Show show = state == CalendarState.OUT_OF_OFFICE ? Show.XA : Show.DND;
        return new Availability(show, texts.calendar(state));
    }
}
