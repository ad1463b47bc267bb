package org.parley.server.richpresence;

import org.parley.server.config.ParleyConfig;
import org.parley.server.richpresence.calendar.CalendarState;

/** The status texts the composer writes for system-determined states ({@code richpresence.phone/calendar.*}). */
record StatusTexts(String phoneBusy, String phoneDnd, String meeting, String tentative, String outOfOffice,
                   boolean tentativeIsBusy) {

    static StatusTexts of(ParleyConfig.RichPresence config) {
        return new StatusTexts(config.phone().busyStatus(), config.phone().dndStatus(),
                config.calendar().meetingStatus(), config.calendar().tentativeStatus(),
                config.calendar().outOfOfficeStatus(), config.calendar().tentativeIsBusy());
    }

    /** The text for a phone state that makes the user busy, or null when it does not. */
    String phone(PhoneState state) {
        return switch (state) {
            case BUSY -> phoneBusy;
            case DND -> phoneDnd;
            case IDLE, RINGING -> null;
        };
    }

    String calendar(CalendarState state) {
        return switch (state) {
            case BUSY -> meeting;
            case TENTATIVE -> tentative;
            case OUT_OF_OFFICE -> outOfOffice;
            case FREE -> null;
        };
    }
}
