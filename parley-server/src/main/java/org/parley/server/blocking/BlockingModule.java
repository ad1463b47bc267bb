package org.parley.server.blocking;

import java.util.Set;
import org.parley.server.core.IqScope;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.event.UserDeleted;
import org.parley.xml.Namespaces;

/**
 * Blocking command (XEP-0191): the iq protocol, the stanza-path enforcement and the disco
 * feature. All block lists are loaded into memory at start (see {@link BlockLists} for why);
 * that one read happens on the starting thread, before any stanza flows.
 */
public final class BlockingModule implements Module {

    private final BlockStore store;

    public BlockingModule() {
        this(null);
    }

    /** With another store (null: the JDBC store on the server's database). */
    public BlockingModule(BlockStore store) {
        this.store = store;
    }

    @Override
    public void start(ModuleContext ctx) {
        BlockStore s = store != null ? store : new JdbcBlockStore(ctx.jdbc());
        BlockLists lists = new BlockLists();
        lists.putAll(s.loadAll());
        BlockingIq iq = new BlockingIq(s, lists, ctx.blocking(), ctx.hubs(), ctx.router(), ctx.domains().names());
        ctx.handlers().iq(IqScope.ACCOUNT, Namespaces.BLOCKING, iq::handle);
        ctx.handlers().interceptor(new BlockingInterceptor(lists, ctx.router(), ctx.domains()));
        ctx.events().subscribe(UserDeleted.class, e -> lists.set(ctx.domains().names().of(e.user()), Set.of()));
        ctx.features().addServerFeature(Namespaces.BLOCKING);
    }
}
