package org.parley.server.richpresence;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.presence.Availability;

/**
 * The current {@link Headline} of every user and the watchers of its changes (the SSE stream).
 * A watcher hears a user only when the headline actually changes: the composer already reports
 * only real changes of online users, and for users with no device (whose headline can carry the
 * phone or calendar text) the previous headline is compared here. Updates of one user are
 * serialised by the map's per-key compute, so watchers see them in order.
 */
final class Headlines {

    private final PresenceInputs inputs;
    private final StatusTexts texts;
    private final boolean offlineStatus;
    /** Composed availability of users with an available device (from ComposedPresenceChanged). */
    private final Map<EntityBareJid, Availability> composed = new ConcurrentHashMap<>();
    /** The last headline told to watchers, for users whose headline is not plain "unavailable". */
    private final Map<EntityBareJid, Headline> last = new ConcurrentHashMap<>();
    private final Map<EntityBareJid, Set<Consumer<Headline>>> watchers = new ConcurrentHashMap<>();

    Headlines(PresenceInputs inputs, StatusTexts texts, boolean offlineStatus) {
        this.inputs = inputs;
        this.texts = texts;
        this.offlineStatus = offlineStatus;
    }

    /** The composer's result changed (null: no available device left). */
    void composedChanged(EntityBareJid user, Availability value) {
        update(user, () -> {
            if (value == null) {
                composed.remove(user);
            } else {
                composed.put(user, value);
            }
        });
    }

    /** An input changed; only users without a device need the check (the composer covers the others). */
    void inputsChanged(EntityBareJid user) {
        if (!composed.containsKey(user)) {
            update(user, () -> { });
        }
    }

    Headline current(EntityBareJid user) {
        Availability a = composed.get(user);
        if (a != null) {
            return Headline.of(user, a);
        }
        return Headline.unavailable(user, offlineStatus ? offlineText(inputs.get(user)) : null);
    }

    /** The headline of a user with no device, given these inputs (a calendar read on demand, for instance). */
    Headline offline(EntityBareJid user, UserInputs in) {
        return Headline.unavailable(user, offlineStatus ? offlineText(in) : null);
    }

    /** Calls {@code watcher} (on the thread of the change; it must not block) for every change of {@code user}. */
    Runnable watch(EntityBareJid user, Consumer<Headline> watcher) {
        watchers.computeIfAbsent(user, u -> new CopyOnWriteArraySet<>()).add(watcher);
        return () -> watchers.computeIfPresent(user, (u, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    private void update(EntityBareJid user, Runnable change) {
        last.compute(user, (u, before) -> {
            change.run();
            Headline now = current(user);
            Headline previous = before == null ? Headline.unavailable(user, null) : before;
            if (!now.equals(previous)) {
                Set<Consumer<Headline>> ws = watchers.get(user);
                if (ws != null) {
                    ws.forEach(w -> w.accept(now));
                }
            }
            return now.show().equals(Headline.UNAVAILABLE) && now.status() == null ? null : now;
        });
    }

    /** What a user with no device shows as status: the phone's, else the calendar's text. */
    private String offlineText(UserInputs in) {
        String phone = texts.phone(in.phone());
        if (phone != null) {
            return phone;
        }
        return in.calendar() == null ? null : texts.calendar(in.calendar());
    }
}
