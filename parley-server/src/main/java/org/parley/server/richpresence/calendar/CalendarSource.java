package org.parley.server.richpresence.calendar;

import java.io.IOException;
import java.time.Instant;
import org.jxmpp.jid.EntityBareJid;

/**
 * Where a user's free/busy comes from: an iCalendar feed ({@link IcsFeedSource}), a CalDAV server
 * ({@link CalDavSource}) or, later, Exchange. Implementations block (HTTP): the poller calls them
 * on the blocking pool only.
 */
public interface CalendarSource {

    /** What the user's calendar shows at {@code now}. */
    CalendarState stateAt(EntityBareJid user, Instant now) throws IOException, InterruptedException;
}
