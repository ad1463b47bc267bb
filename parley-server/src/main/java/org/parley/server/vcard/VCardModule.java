package org.parley.server.vcard;

import org.parley.server.core.IqScope;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.xml.Namespaces;

/**
 * vCard-temp (XEP-0054): a user reads and replaces their own vCard (iq without 'to', or to their
 * bare JID) and anyone signed in may read another local user's; only the owner may change it.
 * The vCard is kept as the XML the user sent, bounded by {@code vcard.maxBytes}.
 */
public final class VCardModule implements Module {

    private final VCardStore store;

    /** Uses the JDBC store on the server's database. */
    public VCardModule() {
        this(null);
    }

    /** Uses the given store, or the JDBC store on the server's database when null. */
    public VCardModule(VCardStore store) {
        this.store = store;
    }

    @Override
    public void start(ModuleContext ctx) {
        VCardStore vcards = store != null ? store : new JdbcVCardStore(ctx.jdbc());
        VCardHandler handler = new VCardHandler(vcards, ctx.blocking(), ctx.accounts(), ctx.domains().names(),
                ctx.config().vcard().maxBytes());
        ctx.features().addServerFeature(Namespaces.VCARD);
        ctx.features().addAccountFeature(Namespaces.VCARD);
        ctx.handlers().iq(IqScope.ACCOUNT, Namespaces.VCARD, handler::handle);
    }
}
