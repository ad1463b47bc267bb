package org.parley.server.richpresence.calendar;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.storage.BlockingPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the calendars of signed-in users on a schedule ({@code richpresence.calendar.pollSeconds})
 * and once when a user signs in; the HTTP work runs on the blocking pool, the result goes to
 * {@code sink} (the rich-presence service, which recomposes only on a change). A failing calendar
 * server leaves the last known state in place and is logged once per user until it answers again;
 * a failed read is retried sooner than the next round (5 s, doubling up to the poll interval), so
 * that a calendar server that blinks while someone signs in does not hide their meetings for an hour.
 */
public final class CalendarPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CalendarPoller.class);
    private static final long FIRST_RETRY_MS = 5_000;

    private final CalendarSource source;
    private final BlockingPool blocking;
    private final Clock clock;
    private final BiConsumer<EntityBareJid, CalendarState> sink;
    private final Set<EntityBareJid> watched = ConcurrentHashMap.newKeySet();
    /** Users whose last read failed, with the delay before their next retry. */
    private final Map<EntityBareJid, Long> failing = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile long intervalMs = Long.MAX_VALUE;
    private volatile ScheduledFuture<?> task;

    public CalendarPoller(CalendarSource source, BlockingPool blocking, Clock clock,
                          BiConsumer<EntityBareJid, CalendarState> sink) {
        this.source = source;
        this.blocking = blocking;
        this.clock = clock;
        this.sink = sink;
    }

    public void start(ScheduledExecutorService scheduler, Duration every) {
        long ms = Math.max(1000, every.toMillis());
        this.scheduler = scheduler;
        this.intervalMs = ms;
        task = scheduler.scheduleWithFixedDelay(this::pollAll, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** A user signed in: watch their calendar and read it now. */
    public void watch(EntityBareJid user) {
        if (watched.add(user)) {
            poll(user);
        }
    }

    /** The user has no signed-in device left: stop reading their calendar. */
    public void unwatch(EntityBareJid user) {
        watched.remove(user);
        failing.remove(user);
    }

    /** Reads every watched calendar now; completes when all answered (or failed). */
    public CompletableFuture<Void> pollAll() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (EntityBareJid user : watched) {
            all.add(poll(user));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> poll(EntityBareJid user) {
        return blocking.supply(() -> source.stateAt(user, clock.instant()))
                .handle((state, failure) -> {
                    if (failure != null) {
                        retryLater(user, failure);
                    } else if (watched.contains(user)) {
                        failing.remove(user);
                        sink.accept(user, state);
                    }
                    return null;
                });
    }

    private void retryLater(EntityBareJid user, Throwable failure) {
        Long before = failing.get(user);
        if (before == null) {
            log.warn("cannot read the calendar of {}: {}", user, failure.getMessage());
        }
        long delay = before == null ? FIRST_RETRY_MS : Math.min(before * 2, intervalMs);
        failing.put(user, delay);
        ScheduledExecutorService s = scheduler;
        if (s != null && delay < intervalMs && watched.contains(user)) {
            try {
                s.schedule(() -> {
                    if (watched.contains(user) && failing.containsKey(user)) {
                        poll(user);
                    }
                }, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // the server is shutting down: no retry needed
            }
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }
}
