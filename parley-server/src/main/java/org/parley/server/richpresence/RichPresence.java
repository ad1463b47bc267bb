package org.parley.server.richpresence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;
import org.parley.server.core.UserHubs;
import org.parley.server.presence.Availability;
import org.parley.server.presence.DeviceSource;
import org.parley.server.presence.PresenceModule;
import org.parley.server.presence.Show;
import org.parley.server.richpresence.calendar.CalendarState;
import org.parley.server.richpresence.calendar.OnDemandCalendar;
import org.parley.xml.Namespaces;

/**
 * The rich-presence service: what the Presence Web Service, the ad-hoc command, the presence
 * marker, application accounts and the calendar poller call. Every setter may run on any thread,
 * never blocks, and recomposes the user only when an input really changed; the presence module
 * then tells subscribers only what they now see differently.
 */
public final class RichPresence {

    private final UserHubs hubs;
    private final PresenceModule presence;
    private final PresenceInputs inputs;
    private final Headlines headlines;
    private final InputPersistence persistence;
    private final OnDemandCalendar offlineCalendar;

    /** {@code offlineCalendar}: reads the calendar of users not signed in, or null without a calendar source. */
    RichPresence(UserHubs hubs, PresenceModule presence, PresenceInputs inputs, Headlines headlines,
                 InputPersistence persistence, OnDemandCalendar offlineCalendar) {
        this.hubs = hubs;
        this.presence = presence;
        this.inputs = inputs;
        this.headlines = headlines;
        this.persistence = persistence;
        this.offlineCalendar = offlineCalendar;
    }

    public void setManual(EntityBareJid user, ManualStatus status) {
        change(user, in -> in.withManual(status));
    }

    /** Clears the manual presence; false when there was none. */
    public boolean clearManual(EntityBareJid user) {
        return change(user, in -> in.withManual(null));
    }

    public void setPhone(EntityBareJid user, String line, PhoneState state) {
        if (change(user, in -> in.withLine(line, state))) {
            persistence.phone(user, line, state);
        }
    }

    public void setApp(EntityBareJid user, String app, Availability status) {
        if (change(user, in -> in.withApp(app, status))) {
            persistence.app(user, app, status);
        }
    }

    /** Clears an application's status; false when it had none. */
    public boolean clearApp(EntityBareJid user, String app) {
        boolean changed = change(user, in -> in.withApp(app, null));
        if (changed) {
            persistence.app(user, app, null);
        }
        return changed;
    }

    public void setCalendar(EntityBareJid user, CalendarState state) {
        change(user, in -> in.withCalendar(state));
    }

    /** Forgets every input of a user (the account was deleted). */
    void forget(EntityBareJid user) {
        change(user, in -> UserInputs.NONE);
        persistence.forget(user);
    }

    /**
     * Whether the user has a bound session here. A session is closed when its account is deleted
     * or disabled, so an online user's account exists: callers can skip the database for it.
     */
    public boolean isOnline(EntityBareJid user) {
        return hubs.hub(user) != null;
    }

    public UserInputs inputs(EntityBareJid user) {
        return inputs.get(user);
    }

    /** The composed show and status now. */
    public Headline headline(EntityBareJid user) {
        return headlines.current(user);
    }

    /**
     * Calls {@code watcher} for every change of the user's headline, on the thread that made the
     * change: it must hand the work off and return at once. Run the returned action to stop.
     */
    public Runnable watch(EntityBareJid user, Consumer<Headline> watcher) {
        return headlines.watch(user, watcher);
    }

    /**
     * The headline, the devices and every input; the devices are read on the user's hub. The
     * calendar of a user who is not signed in is not polled, so it is read now (recent reads cached).
     */
    public CompletableFuture<PresenceView> view(EntityBareJid user) {
        UserHub hub = hubs.hub(user);
        if (hub == null) {
            UserInputs in = inputs.get(user);
            if (offlineCalendar == null) {
                return CompletableFuture.completedFuture(new PresenceView(headline(user), List.of(), in));
            }
            return offlineCalendar.stateNow(user).handle((calendar, failure) -> {
                // An unreachable calendar server leaves the calendar out rather than failing the read.
                UserInputs seen = failure == null ? in.withCalendar(calendar) : in;
                return new PresenceView(headlines.offline(user, seen), List.of(), seen);
            });
        }
        CompletableFuture<PresenceView> out = new CompletableFuture<>();
        hub.executor().execute(() -> {
            List<PresenceView.Device> devices = new ArrayList<>();
            for (Resource r : hub.availableResources()) {
                devices.add(new PresenceView.Device(r.session().jid().getResourcepart().toString(),
                        Headline.showName(DeviceSource.effectiveShow(r)),
                        r.presence().element().childText("status", Namespaces.CLIENT), r.priority(),
                        r.presence().element().child("idle", Namespaces.IDLE).isPresent()));
            }
            // Read on the hub too, so the headline is consistent with the devices listed.
            out.complete(new PresenceView(headline(user), devices, inputs.get(user)));
        });
        return out;
    }

    private boolean change(EntityBareJid user, UnaryOperator<UserInputs> change) {
        boolean changed = inputs.update(user, change);
        if (changed) {
            presence.recompose(user);
            headlines.inputsChanged(user);
        }
        return changed;
    }

    /** The manual show a client asked for: dnd stays dnd, away and xa are away, anything else available. */
    public static Show manualShow(Show requested) {
        return switch (requested) {
            case DND -> Show.DND;
            case AWAY, XA -> Show.AWAY;
            case CHAT, AVAILABLE -> Show.AVAILABLE;
        };
    }
}
