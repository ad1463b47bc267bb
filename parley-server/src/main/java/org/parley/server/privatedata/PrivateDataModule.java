package org.parley.server.privatedata;

import org.parley.server.core.IqScope;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.xml.Namespaces;

/**
 * Private XML storage (XEP-0049): a user stores and reads back XML fragments only they can see,
 * keyed by the fragment's qualified name. Anyone else asking gets {@code forbidden}.
 */
public final class PrivateDataModule implements Module {

    private final PrivateStore store;

    /** Uses the JDBC store on the server's database. */
    public PrivateDataModule() {
        this(null);
    }

    /** Uses the given store, or the JDBC store on the server's database when null. */
    public PrivateDataModule(PrivateStore store) {
        this.store = store;
    }

    @Override
    public void start(ModuleContext ctx) {
        PrivateStore privateStore = store != null ? store : new JdbcPrivateStore(ctx.jdbc());
        PrivateDataHandler handler = new PrivateDataHandler(privateStore, ctx.blocking(), ctx.domains().names());
        ctx.features().addAccountFeature(Namespaces.PRIVATE);
        ctx.handlers().iq(IqScope.ACCOUNT, Namespaces.PRIVATE, handler::handle);
    }
}
