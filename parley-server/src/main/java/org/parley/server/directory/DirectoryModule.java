package org.parley.server.directory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jxmpp.jid.DomainBareJid;
import org.parley.server.addressing.AddressScheme;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Domains;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.domain.DomainStore;
import org.parley.server.roster.RosterModule;
import org.parley.server.search.ContactSearch;
import org.parley.server.search.DatabaseContactSearch;
import org.parley.server.search.LdapContactSearch;
import org.parley.server.search.SearchComponent;
import org.parley.xml.StreamErrorCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory feature: user sync from LDAP (scheduled every {@code ldap.sync.intervalSeconds}
 * and on demand through {@link #syncNow()}; the domains of synced users' addresses are served
 * from then on), shared roster groups, and the contact search service at search.&lt;domain&gt;
 * of every served domain (live LDAP when configured, else the users table). Sign-in
 * against the directory is {@link LdapCredentialSource}, built by the composition root because
 * the c2s listener needs it. Runs without a directory too: then only search is offered.
 */
public final class DirectoryModule implements Module {

    private static final Logger log = LoggerFactory.getLogger(DirectoryModule.class);

    private final RosterModule roster;
    private final LdapDirectory directory;
    private volatile DirectorySync sync;
    private volatile ModuleContext context;
    private ScheduledFuture<?> schedule;

    /** @param directory the LDAP directory, or null when none is configured */
    public DirectoryModule(RosterModule roster, LdapDirectory directory) {
        this.roster = roster;
        this.directory = directory;
    }

    @Override
    public void start(ModuleContext ctx) {
        this.context = ctx;
        DirectoryStore store = new DirectoryStore(ctx.jdbc());
        ParleyConfig config = ctx.config();
        if (directory != null) {
            SharedGroups shared = new SharedGroups(directory, store, roster.service(), ctx.domain());
            sync = new DirectorySync(directory, store, new VCards(ctx.domain().toString()), shared,
                    username -> ctx.hubs().closeAll(ctx.domains().names().jid(username), StreamErrorCondition.NOT_AUTHORIZED, "This account was deactivated"),
                    ctx.clock());
            int interval = config.ldap().sync().intervalSeconds();
            if (interval > 0) {
                schedule = ctx.scheduler().scheduleWithFixedDelay(this::scheduledSync, interval, interval,
                        TimeUnit.SECONDS);
            }
        }
        if (config.search().enabled()) {
            ContactSearch search = directory != null ? new LdapContactSearch(directory, store)
                    : new DatabaseContactSearch(store);
            Function<DomainBareJid, SearchComponent> component = d -> new SearchComponent(d.toString(),
                    ctx.domain().toString(), ctx.router(), ctx.blocking(), search, config.search().maxResults());
            ctx.domains().subscribe(new Domains.Listener() {
                @Override
                public void added(DomainBareJid domain) {
                    register(ctx, component.apply(domain));
                }

                @Override
                public void removed(DomainBareJid domain) {
                    ctx.handlers().removeComponent(component.apply(domain).domain());
                }
            });
            ctx.domains().all().forEach(e -> register(ctx, component.apply(e.domain())));
        }
        if (sync != null && directory.mapping().scheme() == AddressScheme.DIRECTORY_URI) {
            // Under directoryUri the served domains come from the directory: a sync at start
            // serves them without waiting for the schedule or an operator.
            ctx.scheduler().execute(this::scheduledSync);
        }
    }

    /** Registers a search service once (a domain may be announced twice, see Domains.subscribe). */
    private static void register(ModuleContext ctx, SearchComponent search) {
        if (!ctx.handlers().components().containsKey(search.domain())) {
            try {
                ctx.handlers().component(search);
            } catch (IllegalStateException raced) {
                // Registered meanwhile by the other path: one is enough.
            }
        }
    }

    private void scheduledSync() {
        // The timer thread only hands the sync to the blocking pool; it never waits for it.
        syncNow().exceptionally(e -> {
            log.warn("scheduled directory sync failed: {}", e.getMessage());
            return null;
        });
    }

    /** Whether a directory is configured (else {@link #syncNow()} fails). */
    public boolean hasDirectory() {
        return directory != null;
    }

    /** Starts a sync on the blocking pool; fails with IllegalStateException when no directory is configured. */
    public CompletableFuture<SyncReport> syncNow() {
        DirectorySync s = sync;
        if (s == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("No LDAP directory is configured (ldap.servers)"));
        }
        ModuleContext ctx = context;
        return ctx.blocking().supply(() -> {
            SyncReport report = s.run();
            // Directory URIs may name domains not served yet (addressing.scheme directoryUri).
            ctx.domains().addSystem(new DomainStore(ctx.jdbc()).systemDomains());
            return report;
        });
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
