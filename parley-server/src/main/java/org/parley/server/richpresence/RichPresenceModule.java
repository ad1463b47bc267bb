package org.parley.server.richpresence;

import java.time.Clock;
import java.time.Duration;
import org.parley.server.adhoc.AdHocModule;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.event.SessionBound;
import org.parley.server.core.event.SessionUnbound;
import org.parley.server.core.event.UserDeleted;
import org.parley.server.presence.ComposedPresenceChanged;
import org.parley.server.presence.PresenceModule;
import org.parley.server.richpresence.calendar.CalDavFreeBusySource;
import org.parley.server.richpresence.calendar.CalDavSource;
import org.parley.server.richpresence.calendar.CalendarHttp;
import org.parley.server.richpresence.calendar.CalendarPoller;
import org.parley.server.richpresence.calendar.CalendarSource;
import org.parley.server.richpresence.calendar.IcsFeedSource;
import org.parley.server.richpresence.calendar.OnDemandCalendar;

/**
 * Rich presence (issue 5, F4): manual status, phone line states, calendar and third-party
 * application statuses as inputs to the presence module's composer, in the order
 * {@code richpresence.precedence} gives. Inputs arrive through {@link #service()} (the Presence
 * Web Service), the manual-presence ad-hoc command, the presence marker
 * ({@code urn:parley:presence:manual:0}), application accounts and the calendar poller.
 * Phone-line and application states are kept in the database ({@link InputPersistence}) and
 * restored at start; manual presence and the calendar are not (they are re-derived).
 */
public final class RichPresenceModule implements Module {

    private final PresenceModule presence;
    private final AdHocModule adHoc;
    private final Clock calendarClock;
    private final CalendarSource calendarOverride;
    private volatile RichPresence service;
    private volatile CalendarPoller poller;
    private volatile InputPersistence persistence;

    /** Needs the presence module (started first) and the ad-hoc module (for the manual-presence command). */
    public RichPresenceModule(PresenceModule presence, AdHocModule adHoc) {
        this(presence, adHoc, null, null);
    }

    /**
     * With the clock the calendar is read at (tests control time) and a calendar source that
     * replaces the configured one (an Exchange source, for instance); either may be null.
     */
    public RichPresenceModule(PresenceModule presence, AdHocModule adHoc, Clock calendarClock, CalendarSource calendarSource) {
        this.presence = presence;
        this.adHoc = adHoc;
        this.calendarClock = calendarClock;
        this.calendarOverride = calendarSource;
    }

    @Override
    public void start(ModuleContext ctx) {
        ParleyConfig.RichPresence config = ctx.config().richpresence();
        Precedence precedence = new Precedence(config.precedence());
        StatusTexts texts = StatusTexts.of(config);
        PresenceInputs inputs = new PresenceInputs();
        InputPersistence kept = new InputPersistence(new PresenceInputStore(ctx.jdbc()), ctx.blocking());
        kept.restore(inputs);
        Headlines headlines = new Headlines(inputs, texts, config.offlineStatus());
        Clock clock = calendarClock != null ? calendarClock : ctx.clock();
        CalendarSource calendar = calendarOverride != null ? calendarOverride : configuredCalendar(config.calendar());
        Duration poll = Duration.ofSeconds(config.calendar().pollSeconds());
        OnDemandCalendar offlineCalendar = calendar == null ? null
                : new OnDemandCalendar(calendar, ctx.blocking(), clock, poll);
        RichPresence rich = new RichPresence(ctx.hubs(), presence, inputs, headlines, kept, offlineCalendar);

        presence.addSource(new ManualSource(inputs, precedence.of(Precedence.MANUAL)));
        presence.addSource(new PhoneSource(inputs, precedence.of(Precedence.PHONE), texts));
        presence.addSource(new CalendarPresenceSource(inputs, precedence.of(Precedence.CALENDAR), texts));
        presence.addSource(new AppsSource(inputs, precedence.of(Precedence.APPS)));

        ManualClearing clearing = new ManualClearing(rich);
        ctx.events().subscribe(ComposedPresenceChanged.class, e -> headlines.composedChanged(e.hub().user(), e.composed()));
        ctx.events().subscribe(SessionUnbound.class, clearing::sessionEnded);
        ctx.events().subscribe(UserDeleted.class, e -> rich.forget(e.user()));
        ctx.handlers().interceptor(new ManualMarker(rich, ctx.router()));
        ctx.handlers().interceptor(new AppAccounts(config.appAccounts(), rich, ctx.accounts()));
        adHoc.register(new ManualPresenceCommand(rich, ctx.domain()));

        if (calendar != null) {
            CalendarPoller p = new CalendarPoller(calendar, ctx.blocking(), clock, rich::setCalendar);
            ctx.events().subscribe(SessionBound.class, e -> p.watch(e.hub().user()));
            ctx.events().subscribe(SessionUnbound.class, e -> {
                if (e.hub().resources().isEmpty()) {
                    p.unwatch(e.hub().user());
                    rich.setCalendar(e.hub().user(), null);
                }
            });
            p.start(ctx.scheduler(), poll);
            poller = p;
        }
        kept.start(ctx.scheduler());
        persistence = kept;
        service = rich;
    }

    private static CalendarSource configuredCalendar(ParleyConfig.RichPresence.Calendar c) {
        return switch (c.source()) {
            case "none" -> null;
            case "ics" -> new IcsFeedSource(new CalendarHttp(c.url(), c.user(), c.password()));
            case "caldav" -> new CalDavSource(new CalendarHttp(c.url(), c.user(), c.password()));
            case "caldav-freebusy" -> new CalDavFreeBusySource(new CalendarHttp(c.url(), c.user(), c.password()));
            default -> throw new ConfigException(
                    "richpresence.calendar.source must be none, ics, caldav or caldav-freebusy, got " + c.source());
        };
    }

    /** The service the Presence Web Service calls; available after start. */
    public RichPresence service() {
        return service;
    }

    /** The calendar poller, or null when no calendar source is configured. */
    public CalendarPoller calendarPoller() {
        return poller;
    }

    @Override
    public void stop() {
        CalendarPoller p = poller;
        if (p != null) {
            p.close();
        }
        InputPersistence kept = persistence;
        if (kept != null) {
            kept.close();
        }
    }
}
