package org.parley.server.ping;

import java.util.concurrent.CompletableFuture;
import org.parley.server.core.IqScope;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Namespaces;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * Answers XEP-0199 pings that clients send to the server (§4.2). Registered for the server
 * only: the router hands an iq without 'to', or to the sender's own bare JID, to the server
 * handler when no account handler exists, so a client pinging its own account is answered too,
 * while a ping to another user's bare JID stays service-unavailable and reveals nothing about
 * that account. Pings to a full JID go to the client itself.
 */
public final class PingModule implements Module {

    @Override
    public void start(ModuleContext ctx) {
        ctx.features().addServerFeature(Namespaces.PING);
        ctx.handlers().iq(IqScope.SERVER, Namespaces.PING, iq -> {
            if (!"get".equals(iq.type())) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "a ping is an iq get");
            }
            return CompletableFuture.completedFuture(Stanzas.result(iq));
        });
    }
}
