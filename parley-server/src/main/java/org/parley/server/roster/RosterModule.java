package org.parley.server.roster;

import org.parley.server.core.IqScope;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.event.SessionBound;
import org.parley.server.core.event.SessionUnbound;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;

/**
 * Rosters (RFC 6121 §2) with versioning (XEP-0237) and pre-approval support advertised
 * (RFC 6121 §3.4; the presence module implements it). Other modules use {@link #service()}.
 */
public final class RosterModule implements Module {

    private volatile RosterService service;

    @Override
    public void start(ModuleContext ctx) {
        RosterService rosters = new RosterService(ctx.hubs(), new RosterStore(ctx.jdbc(), ctx.domains().names()), ctx.blocking(),
                ctx.events());
        ctx.events().subscribe(SessionBound.class, e -> rosters.sessionBound(e.hub()));
        ctx.events().subscribe(SessionUnbound.class, e -> rosters.sessionUnbound(e.hub()));
        ctx.handlers().iq(IqScope.ACCOUNT, Namespaces.ROSTER, new RosterIqHandler(rosters, ctx.hubs(), ctx.router()));
        ctx.features().addStreamFeature(Element.of("ver", Namespaces.ROSTER_VERSIONING));
        ctx.features().addStreamFeature(Element.of("sub", Namespaces.PRE_APPROVAL));
        ctx.features().addAccountFeature(Namespaces.ROSTER_VERSIONING);
        this.service = rosters;
    }

    /** The roster API (available once this module has started; start it before its users). */
    public RosterService service() {
        RosterService s = service;
        if (s == null) {
            throw new IllegalStateException("RosterModule not started yet");
        }
        return s;
    }
}
