package org.parley.server.richpresence.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CalendarEvaluatorTest {

    private final CalendarEvaluator evaluator = new CalendarEvaluator();

    private static final String WEEKLY = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
            "BEGIN:VEVENT", "UID:w@t", "DTSTAMP:20260101T000000Z",
            "DTSTART:20260105T090000Z", "DTEND:20260105T100000Z", "RRULE:FREQ=WEEKLY;BYDAY=MO",
            "END:VEVENT",
            "BEGIN:VEVENT", "UID:w@t", "DTSTAMP:20260101T000000Z", "RECURRENCE-ID:20260112T090000Z",
            "DTSTART:20260112T130000Z", "DTEND:20260112T140000Z", "STATUS:TENTATIVE",
            "END:VEVENT",
            "BEGIN:VEVENT", "UID:free@t", "DTSTAMP:20260101T000000Z",
            "DTSTART:20260106T090000Z", "DTEND:20260106T100000Z", "TRANSP:TRANSPARENT",
            "END:VEVENT",
            "END:VCALENDAR", "");

    @Test
    void recurringEventsModifiedInstancesAndTransparency() throws IOException {
        assertThat(evaluator.stateAt(WEEKLY, Instant.parse("2026-01-05T09:30:00Z"))).isEqualTo(CalendarState.BUSY);
        assertThat(evaluator.stateAt(WEEKLY, Instant.parse("2026-01-05T10:00:00Z"))).isEqualTo(CalendarState.FREE);
        assertThat(evaluator.stateAt(WEEKLY, Instant.parse("2026-01-26T09:00:00Z"))).isEqualTo(CalendarState.BUSY);
        // The 12 January instance moved to 13:00 and became tentative.
        assertThat(evaluator.stateAt(WEEKLY, Instant.parse("2026-01-12T09:30:00Z"))).isEqualTo(CalendarState.FREE);
        assertThat(evaluator.stateAt(WEEKLY, Instant.parse("2026-01-12T13:30:00Z"))).isEqualTo(CalendarState.TENTATIVE);
        assertThat(evaluator.stateAt(WEEKLY, Instant.parse("2026-01-06T09:30:00Z"))).isEqualTo(CalendarState.FREE);
    }

    @Test
    void timeZonesExclusionsAndOutOfOffice() throws IOException {
        String ics = org.parley.server.richpresence.CalendarFixturesAccess.alice();
        assertThat(evaluator.stateAt(ics, Instant.parse("2026-01-12T09:30:00Z"))).isEqualTo(CalendarState.BUSY);
        assertThat(evaluator.stateAt(ics, Instant.parse("2026-01-12T10:30:00Z"))).isEqualTo(CalendarState.FREE);
        assertThat(evaluator.stateAt(ics, Instant.parse("2026-01-19T09:30:00Z"))).isEqualTo(CalendarState.FREE);
        assertThat(evaluator.stateAt(ics, Instant.parse("2026-03-30T08:30:00Z"))).isEqualTo(CalendarState.BUSY);
        assertThat(evaluator.stateAt(ics, Instant.parse("2026-02-02T15:00:00Z"))).isEqualTo(CalendarState.OUT_OF_OFFICE);
    }

    @Test
    void garbageIsAnIoError() {
        assertThatThrownBy(() -> evaluator.stateAt("not a calendar", Instant.now())).isInstanceOf(IOException.class);
    }
}
