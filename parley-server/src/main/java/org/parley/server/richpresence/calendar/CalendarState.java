package org.parley.server.richpresence.calendar;

import java.util.Locale;

/** A user's free/busy state right now, as a calendar source sees it (seed "Calendar Status"). */
public enum CalendarState {
    FREE, BUSY, TENTATIVE, OUT_OF_OFFICE;

    /** The name in the REST API: free, busy, tentative, out-of-office. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Of two overlapping events, the one that says more about the user (out of office > busy > tentative > free). */
    public CalendarState strongest(CalendarState other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(CalendarState s) {
        return switch (s) {
            case FREE -> 0;
            case TENTATIVE -> 1;
            case BUSY -> 2;
            case OUT_OF_OFFICE -> 3;
        };
    }
}
