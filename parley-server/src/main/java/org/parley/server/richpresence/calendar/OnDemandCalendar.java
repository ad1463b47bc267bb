package org.parley.server.richpresence.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.storage.BlockingPool;

/**
 * The calendar of a user who is not signed in (and so not polled), read when someone asks
 * (the Presence Web Service) and kept for {@code maxAge}, so that a dashboard asking every few
 * seconds reads the calendar server at most once per poll interval. Concurrent asks for the same
 * user share one read; a failed read is not kept.
 */
public final class OnDemandCalendar {

    /** Past this many cached users the cache starts over: it is a convenience, not a copy of every calendar. */
    private static final int MAX_CACHED = 10_000;

    private record Read(Instant at, CompletableFuture<CalendarState> state) {
    }

    private final CalendarSource source;
    private final BlockingPool blocking;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<EntityBareJid, Read> cache = new ConcurrentHashMap<>();

    public OnDemandCalendar(CalendarSource source, BlockingPool blocking, Clock clock, Duration maxAge) {
        this.source = source;
        this.blocking = blocking;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** What the user's calendar shows now, from the cache when read recently enough. */
    public CompletableFuture<CalendarState> stateNow(EntityBareJid user) {
        Instant now = clock.instant();
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        Read read = cache.compute(user, (u, before) -> {
            if (before != null && now.isBefore(before.at().plus(maxAge))
                    && !before.state().isCompletedExceptionally()) {
                return before;
            }
            return new Read(now, blocking.supply(() -> source.stateAt(u, now)));
        });
        read.state().whenComplete((s, failure) -> {
            if (failure != null) {
                cache.remove(user, read);
            }
        });
        return read.state();
    }
}
