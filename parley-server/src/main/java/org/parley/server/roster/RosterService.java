package org.parley.server.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.core.AttachmentKey;
import org.parley.server.core.EventBus;
import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;
import org.parley.server.core.UserHubs;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * Rosters as other modules use them. An online user's roster is cached in the user's hub, so that
 * presence broadcasts and probes never touch the database: loaded once when the first session
 * binds, kept equal to the stored roster on every change, dropped when the last session ends.
 * An offline user's roster is read from the database.
 *
 * <p>Every change is stored first (one transaction per row, per-user order) and then applied to
 * the cache on the hub executor, pushed to the user's interested resources (RFC 6121 §2.1.6) and
 * announced with {@link RosterChanged}.
 */
public final class RosterService {

    private static final AttachmentKey<Cache> CACHE = new AttachmentKey<>("roster.cache");

    private final UserHubs hubs;
    private final RosterStore store;
    private final UserWriteQueue queue;
    private final EventBus events;

    public RosterService(UserHubs hubs, RosterStore store, org.parley.server.storage.BlockingPool blocking,
                         EventBus events) {
        this.hubs = hubs;
        this.store = store;
        this.queue = new UserWriteQueue(blocking);
        this.events = events;
    }

    /** On the hub executor: the cached roster, or null while it is still loading. */
    public Roster cached(UserHub hub) {
        Cache cache = hub.attachment(CACHE);
        return cache == null ? null : cache.roster;
    }

    /** Runs {@code action} on the hub executor with the cached roster, once it is loaded. Call on the hub executor. */
    public void withRoster(UserHub hub, Consumer<Roster> action) {
        Cache cache = hub.attachment(CACHE, Cache::new);
        if (cache.roster != null) {
            action.accept(cache.roster);
            return;
        }
        cache.waiters.add(action);
        if (!cache.loading) {
            load(hub, cache);
        }
    }

    /** From any thread: the user's roster, from the hub's cache when online, else from the database. */
    public CompletableFuture<Roster> roster(EntityBareJid user) {
        UserHub hub = hubs.hub(user);
        if (hub == null) {
            return queue.submit(user, () -> store.load(user));
        }
        CompletableFuture<Roster> out = new CompletableFuture<>();
        hub.executor().execute(() -> withRoster(hub, out::complete));
        return out;
    }

    /**
     * From any thread: stores a change to one row (see {@link RosterStore#update}) and, when the user
     * is online, applies it to the cache and pushes it before the future completes (on the hub
     * executor then; on a blocking thread when the user is offline).
     */
    public CompletableFuture<RosterChange> update(EntityBareJid user, BareJid contact,
                                                  UnaryOperator<RosterItem> transition) {
        CompletableFuture<RosterChange> done = new CompletableFuture<>();
        queue.submit(user, () -> {
            RosterChange change = store.update(user, contact, transition);
            // Posted from inside the queued job, so the hub sees loads and changes in storage order.
            UserHub hub = hubs.hub(user);
            if (hub == null || !change.changed()) {
                done.complete(change);
            } else {
                hub.executor().execute(() -> {
                    try {
                        apply(hub, change);
                    } finally {
                        done.complete(change);
                    }
                });
            }
            return change;
        }).exceptionally(e -> {
            done.completeExceptionally(e);
            return null;
        });
        return done;
    }

    /**
     * From any thread: sets the user's rows to {@code items} in one transaction (see
     * {@link RosterStore#replace}); an online user's cache is updated and each change pushed, as
     * with {@link #update}. The future completes with the changes once they are applied.
     */
    public CompletableFuture<List<RosterChange>> replace(EntityBareJid user, List<RosterItem> items,
                                                         boolean removeOthers) {
        CompletableFuture<List<RosterChange>> done = new CompletableFuture<>();
        queue.submit(user, () -> {
            List<RosterChange> changes = store.replace(user, items, removeOthers);
            UserHub hub = hubs.hub(user);
            if (hub == null || changes.isEmpty()) {
                done.complete(changes);
            } else {
                hub.executor().execute(() -> {
                    try {
                        changes.forEach(change -> apply(hub, change));
                    } finally {
                        done.complete(changes);
                    }
                });
            }
            return changes;
        }).exceptionally(e -> {
            done.completeExceptionally(e);
            return null;
        });
        return done;
    }

    /** The session bound: make sure the roster is cached (on the hub executor). */
    void sessionBound(UserHub hub) {
        Cache cache = hub.attachment(CACHE, Cache::new);
        if (cache.roster == null && !cache.loading) {
            load(hub, cache);
        }
    }

    /** The session ended: drop the cache with the last session (on the hub executor). */
    void sessionUnbound(UserHub hub) {
        // Dropped in a later task, so that other listeners of the same SessionUnbound (presence
        // broadcasting the unavailable) still find the roster cached.
        hub.executor().execute(() -> {
            Cache cache = hub.attachment(CACHE);
            if (cache != null && hub.resources().isEmpty() && !cache.loading) {
                cache.roster = null;
            }
        });
    }

    private void load(UserHub hub, Cache cache) {
        cache.loading = true;
        queue.submit(hub.user(), () -> {
            Roster roster = store.load(hub.user());
            hub.executor().execute(() -> loaded(cache, roster));
            return roster;
        }).exceptionally(e -> {
            hub.executor().execute(() -> {
                // Storage trouble: let the next request try again; waiters stay queued for it.
                cache.loading = false;
            });
            return null;
        });
    }

    private void loaded(Cache cache, Roster roster) {
        cache.loading = false;
        cache.roster = roster;
        List<Consumer<Roster>> waiting = new ArrayList<>(cache.waiters);
        cache.waiters.clear();
        for (Consumer<Roster> w : waiting) {
            w.accept(roster);
        }
    }

    private void apply(UserHub hub, RosterChange change) {
        Cache cache = hub.attachment(CACHE);
        if (cache == null || cache.roster == null || cache.roster.version() >= change.version()) {
            // Not loaded yet: the queued load runs after this change and already includes it.
            return;
        }
        cache.roster = cache.roster.with(change.contact(), change.after(), change.version());
        if (change.visible()) {
            push(hub, change);
        }
        events.publish(new RosterChanged(hub, change));
    }

    /** RFC 6121 §2.1.6: a roster push to every resource that asked for the roster, with the new version. */
    private static void push(UserHub hub, RosterChange change) {
        RosterItem after = change.after();
        Element item = after != null && after.listed() ? after.toElement() : RosterItem.removal(change.contact());
        Element query = Element.builder("query", Namespaces.ROSTER)
                .attribute("ver", Long.toString(change.version()))
                .child(item)
                .build();
        for (Resource r : hub.resources()) {
            if (r.rosterRequested()) {
                Stanza push = Stanza.of(Element.builder("iq", Namespaces.CLIENT)
                        .attribute("type", "set")
                        .attribute("id", "push-" + change.version() + "-" + Long.toHexString(System.nanoTime()))
                        .attribute("to", r.session().jid().toString())
                        .child(query)
                        .build());
                r.session().deliver(push);
            }
        }
    }

    /** The hub-confined cache state of one user. */
    private static final class Cache {
        Roster roster;
        boolean loading;
        final List<Consumer<Roster>> waiters = new ArrayList<>(1);
    }
}
