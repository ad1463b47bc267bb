package org.parley.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.account.Accounts;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Domains;
import org.parley.server.core.EventBus;
import org.parley.server.core.Features;
import org.parley.server.core.HandlerRegistry;
import org.parley.server.core.IqTracker;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.Router;
import org.parley.server.core.UserHubs;
import org.parley.server.core.event.UserDeleted;
import org.parley.server.storage.BlockingPool;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.xml.StreamErrorCondition;

/**
 * The transport-independent heart of a node: router, user hubs, handler registry, events, pools
 * and the feature modules. Transports (c2s, HTTP) are wired around it by {@link ParleyServer};
 * tests drive it directly.
 */
public final class ParleyCore implements AutoCloseable {

    private final ParleyConfig config;
    private final DomainBareJid domain;
    private final Domains domains;
    private final Database database;
    private final Clock clock;
    private final ExecutorService actorPool; // null when the actors run on executors the caller owns
    private final Executor actors; // where hubs and rooms run: the caller's executor or actorPool
    private final ScheduledExecutorService scheduler;
    private final BlockingPool blocking;
    private final EventBus events = new EventBus();
    private final HandlerRegistry handlers = new HandlerRegistry();
    private final Features features = new Features();
    private final UserHubs hubs;
    private final IqTracker iqTracker;
    private final Router router;
    private final Jdbc jdbc;
    private final List<Module> modules = new ArrayList<>();

    public ParleyCore(ParleyConfig config, Database database, Clock clock) {
        this(config, database, clock, null);
    }

    /**
     * @param actors where the actors' serial executors (user hubs, chat rooms) run (the node's I/O loops, see
     *               {@code c2s.IoLoops}); owned and closed by the caller. Null: a pool of the core's own.
     */
    public ParleyCore(ParleyConfig config, Database database, Clock clock, Executor actors) {
        usePrecis();
        this.config = config;
        this.domain = parseDomain(config.domain());
        this.domains = new Domains(domain);
        this.database = database;
        this.clock = clock;
        int cores = Runtime.getRuntime().availableProcessors();
        this.actorPool = actors != null ? null
                : Executors.newFixedThreadPool(Math.max(2, cores), daemonThreads("parley-actor"));
        this.scheduler = Executors.newScheduledThreadPool(1, daemonThreads("parley-timer"));
        this.blocking = new BlockingPool(Math.max(4, config.database().poolSize()), 10_000);
        this.jdbc = new Jdbc(database.dataSource());
        this.actors = actors != null ? actors : actorPool;
        this.hubs = new UserHubs(this.actors, events);
        this.iqTracker = new IqTracker(scheduler);
        this.router = new Router(domains, hubs, handlers, iqTracker);
    }

    /** Starts the modules in order; each registers its handlers and listeners in start(). */
    public void start(Accounts accounts, List<Module> toStart) {
        events.subscribe(UserDeleted.class, e -> hubs.closeAll(e.user(), StreamErrorCondition.NOT_AUTHORIZED,
                "This account was deleted"));
        ModuleContext context = new ModuleContext(config, domain, domains, router, handlers, features, events, hubs,
                iqTracker, jdbc, blocking, scheduler, clock, accounts, actors);
        for (Module m : toStart) {
            m.start(context);
            modules.add(m);
        }
    }

    /**
     * JIDs are validated with PRECIS (RFC 7622). jxmpp keeps its stringprep in a process-wide
     * default, so this is the one place that sets it; doing it again is harmless.
     */
    public static void usePrecis() {
        org.jxmpp.JxmppContext.setDefaultXmppStringprep(
                org.jxmpp.stringprep.rocksxmppprecis.RocksXmppPrecisStringprep.INSTANCE);
    }

    static DomainBareJid parseDomain(String domain) {
        try {
            return JidCreate.domainBareFrom(domain);
        } catch (XmppStringprepException e) {
            throw new ConfigException("domain is not a valid XMPP domain: " + domain);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public ParleyConfig config() {
        return config;
    }

    public DomainBareJid domain() {
        return domain;
    }

    /** Every served domain (the default one is {@link #domain()}). */
    public Domains domains() {
        return domains;
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public EventBus events() {
        return events;
    }

    public HandlerRegistry handlers() {
        return handlers;
    }

    public Features features() {
        return features;
    }

    public UserHubs hubs() {
        return hubs;
    }

    public Router router() {
        return router;
    }

    public IqTracker iqTracker() {
        return iqTracker;
    }

    public BlockingPool blocking() {
        return blocking;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        for (int i = modules.size() - 1; i >= 0; i--) {
            modules.get(i).stop();
        }
        scheduler.shutdownNow();
        if (actorPool != null) {
            actorPool.shutdown();
            try {
                actorPool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        blocking.close();
    }
}
