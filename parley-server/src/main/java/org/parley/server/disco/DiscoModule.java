package org.parley.server.disco;

import org.parley.server.core.IqScope;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.xml.Namespaces;

/**
 * Service discovery (XEP-0030) for the server and for accounts. Other modules announce their
 * features through {@code ctx.features()}; this module only reads them, at query time, so the
 * order in which modules start does not matter.
 */
public final class DiscoModule implements Module {

    @Override
    public void start(ModuleContext ctx) {
        ctx.features().addServerFeature(Namespaces.DISCO_INFO);
        ctx.features().addServerFeature(Namespaces.DISCO_ITEMS);
        ctx.features().addAccountFeature(Namespaces.DISCO_INFO);
        ctx.features().addAccountFeature(Namespaces.DISCO_ITEMS);

        ServerDisco server = new ServerDisco(ctx.features(), ctx.handlers());
        ctx.handlers().iq(IqScope.SERVER, Namespaces.DISCO_INFO, server::info);
        ctx.handlers().iq(IqScope.SERVER, Namespaces.DISCO_ITEMS, server::items);

        AccountDisco account = new AccountDisco(ctx.features(), new PresenceAuthorization(ctx.jdbc(), ctx.domains().names()), ctx.blocking());
        ctx.handlers().iq(IqScope.ACCOUNT, Namespaces.DISCO_INFO, account::info);
        ctx.handlers().iq(IqScope.ACCOUNT, Namespaces.DISCO_ITEMS, account::items);
    }
}
