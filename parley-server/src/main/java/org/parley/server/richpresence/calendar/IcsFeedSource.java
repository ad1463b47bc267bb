package org.parley.server.richpresence.calendar;

import java.io.IOException;
import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;

/**
 * An iCalendar feed per user (RFC 5545), e.g. {@code https://cal.example.com/{user}.ics}: fetched
 * with GET and evaluated with recurrences and time zones. A user without a feed (404) is free.
 */
public final class IcsFeedSource implements CalendarSource {

    private final CalendarHttp http;
    private final CalendarEvaluator evaluator = new CalendarEvaluator();

    public IcsFeedSource(CalendarHttp http) {
        this.http = http;
    }

    @Override
    public CalendarState stateAt(EntityBareJid user, Instant now) throws IOException, InterruptedException {
        String ics = http.send(user, "GET", null, null, null, 200);
        return ics == null ? CalendarState.FREE : evaluator.stateAt(ics, now);
    }
}
