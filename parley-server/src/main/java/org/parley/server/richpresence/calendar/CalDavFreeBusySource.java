package org.parley.server.richpresence.calendar;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jxmpp.jid.EntityBareJid;

/**
 * A CalDAV calendar collection per user read with a free-busy-query REPORT (RFC 4791 §7.10)
 * instead of a calendar-query. Deployments choose it when Parley's calendar account may only see
 * free/busy time (the CALDAV:read-free-busy privilege, §6.1.1) and not the events themselves:
 * the server expands recurrences and answers one VFREEBUSY, read by {@link FreeBusyReader}.
 */
public final class CalDavFreeBusySource implements CalendarSource {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final CalendarHttp http;
    private final FreeBusyReader reader = new FreeBusyReader();

    public CalDavFreeBusySource(CalendarHttp http) {
        this.http = http;
    }

    @Override
    public CalendarState stateAt(EntityBareJid user, Instant now) throws IOException, InterruptedException {
        String vfreebusy = http.send(user, "REPORT", query(now), "application/xml; charset=utf-8", "1", 200);
        return vfreebusy == null ? CalendarState.FREE : reader.stateAt(vfreebusy, now);
    }

    /** The query for the minute starting at {@code now}: periods overlapping it come back whole. */
    static String query(Instant now) {
        return "<?xml version='1.0' encoding='utf-8'?>"
                + "<C:free-busy-query xmlns:C='" + CalDavSource.CALDAV + "'>"
                + "<C:time-range start='" + UTC.format(now) + "' end='" + UTC.format(now.plusSeconds(60)) + "'/>"
                + "</C:free-busy-query>";
    }
}
