package org.parley.server.register;

import org.parley.server.core.IqScope;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.xml.Namespaces;

/**
 * In-band registration (XEP-0077) for signed-in users: see their registration, change their
 * password, cancel their account. Creating accounts happens before authentication, in c2s, and
 * only when {@code registration.inBand} is true; what is here works whatever that switch says,
 * because it only touches an account its owner has already proved to hold (XEP-0077 §3.2-3.3 are
 * independent of whether new registrations are open).
 */
public final class RegisterModule implements Module {

    @Override
    public void start(ModuleContext ctx) {
        AccountRegistration handler = new AccountRegistration(ctx.domains(), ctx.accounts(), ctx.router());
        ctx.features().addServerFeature(Namespaces.REGISTER);
        // Server scope only: the router also hands it iqs without 'to' and to the user's own bare
        // JID, while a register query to someone else's bare JID stays service-unavailable.
        ctx.handlers().iq(IqScope.SERVER, Namespaces.REGISTER, handler::handle);
    }
}
