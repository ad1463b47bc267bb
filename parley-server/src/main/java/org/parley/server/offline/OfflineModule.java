package org.parley.server.offline;

import org.jxmpp.jid.EntityBareJid;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.event.InitialPresence;
import org.parley.server.core.event.MessageUndeliverable;
import org.parley.server.storage.KeyedSequencer;

/**
 * Offline messages (XEP-0160): a chat or normal message that found no available resource is
 * stored with a XEP-0203 delay stamp and delivered, in order, when the user next sends initial
 * presence with a non-negative priority. Config: {@code offline.enabled} (false: such messages are
 * bounced with service-unavailable), {@code offline.maxMessagesPerUser} (past it: bounced).
 * This module answers every {@code MessageUndeliverable}, so it must run whenever the message module does.
 */
public final class OfflineModule implements Module {

    /** XEP-0160 §2: the feature a server supporting offline storage advertises. */
    public static final String FEATURE = "msgoffline";

    private final OfflineStore store;

    /** With the JDBC store on the server's database. */
    public OfflineModule() {
        this(null);
    }

    /** With another store (null: the JDBC store). */
    public OfflineModule(OfflineStore store) {
        this.store = store;
    }

    @Override
    public void start(ModuleContext ctx) {
        ParleyConfig.Offline config = ctx.config().offline();
        OfflineStore s = store != null ? store : new JdbcOfflineStore(ctx.jdbc(), ctx.domains().names());
        // One queue per user for stores and fetches: arrival order kept, and a fetch sees every earlier store.
        KeyedSequencer<EntityBareJid> perUser = new KeyedSequencer<>();
        OfflineStorage storage = new OfflineStorage(s, ctx.blocking(), perUser, ctx.router(), ctx.domain(), ctx.clock(),
                config.enabled(), config.maxMessagesPerUser());
        OfflineDelivery delivery = new OfflineDelivery(s, ctx.blocking(), perUser);
        ctx.events().subscribe(MessageUndeliverable.class, storage::handle);
        // Disabled with nothing left from when it was enabled: nothing can ever be delivered, so
        // sign-ins skip the lookup (a database round trip each). Messages stored earlier are still delivered.
        if (config.enabled() || !s.isEmpty()) {
            ctx.events().subscribe(InitialPresence.class, e -> delivery.deliver(e.hub(), e.resource()));
        }
        if (config.enabled()) {
            ctx.features().addServerFeature(FEATURE);
        }
    }
}
