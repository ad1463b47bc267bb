package org.parley.server.richpresence;

/** iCalendar data for the calendar tests: a weekly meeting in Berlin time and an out-of-office day. */
final class CalendarFixtures {

    private CalendarFixtures() {
    }

    private static final String HEADER = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Parley//tests//EN");
    private static final String TIMEZONE = String.join("\r\n",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Berlin",
            "BEGIN:STANDARD",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "END:STANDARD",
            "BEGIN:DAYLIGHT",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "END:DAYLIGHT",
            "END:VTIMEZONE");
    private static final String WEEKLY_EVENT = String.join("\r\n",
            "BEGIN:VEVENT",
            "UID:weekly-standup@parley.test",
            "DTSTAMP:20260101T000000Z",
            "SUMMARY:Weekly planning",
            "DTSTART;TZID=Europe/Berlin:20260105T100000",
            "DTEND;TZID=Europe/Berlin:20260105T110000",
            "RRULE:FREQ=WEEKLY;BYDAY=MO",
            "EXDATE;TZID=Europe/Berlin:20260119T100000",
            "END:VEVENT");
    private static final String VACATION_EVENT = String.join("\r\n",
            "BEGIN:VEVENT",
            "UID:vacation@parley.test",
            "DTSTAMP:20260101T000000Z",
            "SUMMARY:Vacation",
            "DTSTART;VALUE=DATE:20260202",
            "DTEND;VALUE=DATE:20260203",
            "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
            "END:VEVENT");
    private static final String FOOTER = "END:VCALENDAR\r\n";

    /** Mondays 10:00-11:00 Europe/Berlin from 5 Jan 2026, except 19 Jan; 2 Feb 2026 all day out of office. */
    static final String ALICE = String.join("\r\n", HEADER, TIMEZONE, WEEKLY_EVENT, VACATION_EVENT, FOOTER);

    /** The same, as CalDAV wants it: one calendar object resource per UID (RFC 4791 §4.1). */
    static final String WEEKLY = String.join("\r\n", HEADER, TIMEZONE, WEEKLY_EVENT, FOOTER);
    static final String VACATION = String.join("\r\n", HEADER, VACATION_EVENT, FOOTER);
}
