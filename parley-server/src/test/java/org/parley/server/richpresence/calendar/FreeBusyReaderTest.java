package org.parley.server.richpresence.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreeBusyReaderTest {

    private final FreeBusyReader reader = new FreeBusyReader();

    /** A VFREEBUSY as RFC 4791 §7.10 servers answer it: several properties, lists, durations, FBTYPEs. */
    private static final String ANSWER = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
            "BEGIN:VFREEBUSY", "DTSTAMP:20260112T000000Z",
            "DTSTART:20260112T000000Z", "DTEND:20260113T000000Z",
            "FREEBUSY:20260112T090000Z/20260112T100000Z,20260112T110000Z/PT30M",
            "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20260112T093000Z/20260112T120000Z",
            "FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20260112T150000Z/PT2H",
            "FREEBUSY;FBTYPE=X-ON-A-TRAIN:20260112T180000Z/20260112T190000Z",
            "FREEBUSY;FBTYPE=FREE:20260112T200000Z/20260112T210000Z",
            "END:VFREEBUSY", "END:VCALENDAR", "");

    @Test
    void theStrongestPeriodHoldingTheInstantDecides() throws IOException {
        assertThat(at("2026-01-12T08:59:59Z")).isEqualTo(CalendarState.FREE);
        assertThat(at("2026-01-12T09:00:00Z")).isEqualTo(CalendarState.BUSY);
        assertThat(at("2026-01-12T09:45:00Z")).isEqualTo(CalendarState.BUSY); // busy beats tentative
        assertThat(at("2026-01-12T10:00:00Z")).isEqualTo(CalendarState.TENTATIVE); // end is exclusive
        assertThat(at("2026-01-12T11:15:00Z")).isEqualTo(CalendarState.BUSY); // start/duration
        assertThat(at("2026-01-12T11:45:00Z")).isEqualTo(CalendarState.TENTATIVE);
        assertThat(at("2026-01-12T16:59:00Z")).isEqualTo(CalendarState.OUT_OF_OFFICE);
        assertThat(at("2026-01-12T17:00:00Z")).isEqualTo(CalendarState.FREE);
    }

    @Test
    void anUnknownFreeBusyTypeCountsAsBusyAndFreeTimeAsFree() throws IOException {
        assertThat(at("2026-01-12T18:30:00Z")).isEqualTo(CalendarState.BUSY);
        assertThat(at("2026-01-12T20:30:00Z")).isEqualTo(CalendarState.FREE);
    }

    @Test
    void anAnswerWithoutBusyTimeIsFree() throws IOException {
        String empty = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN",
                "BEGIN:VFREEBUSY", "DTSTAMP:20260112T000000Z", "END:VFREEBUSY", "END:VCALENDAR", "");
        assertThat(reader.stateAt(empty, Instant.parse("2026-01-12T09:00:00Z"))).isEqualTo(CalendarState.FREE);
    }

    @Test
    void somethingElseThanICalendarIsAnIoError() {
        assertThatThrownBy(() -> reader.stateAt("<html>login</html>", Instant.parse("2026-01-12T09:00:00Z")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theQueryAsksForTheMinuteStartingNow() {
        assertThat(CalDavFreeBusySource.query(Instant.parse("2026-01-12T09:30:00Z")))
                .contains("<C:free-busy-query xmlns:C='urn:ietf:params:xml:ns:caldav'>")
                .contains("<C:time-range start='20260112T093000Z' end='20260112T093100Z'/>");
    }

    private CalendarState at(String instant) throws IOException {
        return reader.stateAt(ANSWER, Instant.parse(instant));
    }
}
