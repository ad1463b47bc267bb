package org.parley.server.core;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.xml.Stanza;

/** Iq requests the server itself sends (pings, disco of a client): matches their answers by id. */
public final class IqTracker {

    private final Map<String, CompletableFuture<Stanza>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    public IqTracker(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** A fresh id to put on a server-originated request. */
    public String newId() {
        return "parley-" + UUID.randomUUID();
    }

    /** Awaits the answer to a request with {@code id}; fails with TimeoutException after {@code timeout}. */
    public CompletableFuture<Stanza> expect(String id, Duration timeout) {
        CompletableFuture<Stanza> f = new CompletableFuture<>();
        pending.put(id, f);
        scheduler.schedule(() -> {
            if (pending.remove(id, f)) {
                f.completeExceptionally(new TimeoutException("no answer to iq " + id));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return f;
    }

    /** Completes the waiting request, if any; false when nobody waited for this id. */
    boolean answer(Stanza result) {
        String id = result.id();
        CompletableFuture<Stanza> f = id == null ? null : pending.remove(id);
        if (f == null) {
            return false;
        }
        f.complete(result);
        return true;
    }
}
