package org.parley.server.richpresence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.presence.Availability;
import org.parley.server.presence.Show;
import org.parley.server.storage.BlockingPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps phone-line and application states across restarts, written behind: a change only marks
 * its (user, kind, name) dirty with the latest value, and a flush every second writes what is
 * dirty in one transaction on the blocking pool. The hot path (thousands of phone changes a
 * second) thus never waits for the database, a line that flaps ten times in a second costs one
 * write, and at most the last second is lost if the process dies (a clean stop flushes).
 * Manual presence is not kept: it never outlives the user's sessions.
 */
final class InputPersistence implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InputPersistence.class);

    private record Key(String jid, String kind, String name) {
    }

    private final PresenceInputStore store;
    private final BlockingPool blocking;
    /** Dirty inputs: the row to write, with a null state for "delete". */
    private final Map<Key, PresenceInputStore.Row> dirty = new ConcurrentHashMap<>();
    private final Set<String> forgotten = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile ScheduledFuture<?> task;

    InputPersistence(PresenceInputStore store, BlockingPool blocking) {
        this.store = store;
        this.blocking = blocking;
    }

    /** Reads the stored inputs into {@code inputs} (blocking; once, at start, before any user is online). */
    void restore(PresenceInputs inputs) {
        for (PresenceInputStore.Row r : store.loadAll()) {
            EntityBareJid user = JidCreate.entityBareFromOrNull(r.jid());
            if (user == null) {
                continue;
            }
            if (r.kind().equals(PresenceInputStore.PHONE)) {
                PhoneState.parse(r.state()).ifPresent(s -> inputs.update(user, in -> in.withLine(r.name(), s)));
            } else if (r.kind().equals(PresenceInputStore.APP)) {
                Show show = parseShow(r.state());
                if (show != null) {
                    inputs.update(user, in -> in.withApp(r.name(), new Availability(show, r.status())));
                }
            }
        }
    }

    void start(ScheduledExecutorService scheduler) {
        task = scheduler.scheduleWithFixedDelay(() -> {
            // At most one flush queued or running: a slow database must not pile them up.
            if ((!dirty.isEmpty() || !forgotten.isEmpty()) && scheduled.compareAndSet(false, true)) {
                blocking.run(() -> {
                    scheduled.set(false);
                    flush();
                });
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    void phone(EntityBareJid user, String line, PhoneState state) {
        mark(new PresenceInputStore.Row(user.toString(), PresenceInputStore.PHONE, line,
                state == PhoneState.IDLE ? null : state.jsonName(), null));
    }

    void app(EntityBareJid user, String app, Availability status) {
        mark(new PresenceInputStore.Row(user.toString(), PresenceInputStore.APP, app,
                status == null ? null : status.show().name().toLowerCase(Locale.ROOT),
                status == null ? null : status.status()));
    }

    void forget(EntityBareJid user) {
        String jid = user.toString();
        dirty.keySet().removeIf(k -> k.jid().equals(jid));
        forgotten.add(jid);
    }

    private void mark(PresenceInputStore.Row row) {
        dirty.put(new Key(row.jid(), row.kind(), row.name()), row);
    }

    /** Writes what is dirty now (blocking); one flush at a time, so writes of one key stay in order. */
    synchronized void flush() {
        List<String> forgets = new ArrayList<>(forgotten);
        forgotten.removeAll(forgets);
        Map<Key, PresenceInputStore.Row> batch = new HashMap<>();
        for (Key k : List.copyOf(dirty.keySet())) {
            PresenceInputStore.Row row = dirty.remove(k);
            if (row != null) {
                batch.put(k, row);
            }
        }
        try {
            store.apply(batch.values(), forgets);
        } catch (RuntimeException e) {
            log.warn("cannot store presence inputs, will retry: {}", e.getMessage());
            batch.forEach(dirty::putIfAbsent); // a newer value that arrived meanwhile wins
            forgotten.addAll(forgets);
        }
    }

    private static Show parseShow(String name) {
        for (Show s : Show.values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Stops the schedule and writes what is left. */
    @Override
    public void close() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
        flush();
    }
}
