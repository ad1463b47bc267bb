package org.parley.server.message;

import java.time.Duration;
import org.jxmpp.jid.Jid;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.Target;
import org.parley.server.core.event.SessionUnbound;
import org.parley.xml.StanzaKind;

/**
 * Messages to local users (RFC 6121 §8.5) with IM forking, and the {@code im.enabled} switch.
 *
 * <p>Config: {@code forking.idleSeconds} (how long a conversation stays locked to the resource
 * that replied; 0 turns locking off), {@code im.enabled}. Publishes {@link MessageDelivered}
 * after each delivery and {@code MessageUndeliverable} when no resource can take a chat or
 * normal message; the offline module must run too, or such messages are dropped.
 * Start this module before the carbons module (its interceptors must see a message first).
 */
public final class MessageModule implements Module {

    @Override
    public void start(ModuleContext ctx) {
        Forking forking = new Forking(Duration.ofSeconds(ctx.config().forking().idleSeconds()), ctx.clock());
        LocalDelivery delivery = new LocalDelivery(ctx.hubs(), ctx.events(), ctx.router(), forking);
        ctx.handlers().stanza(StanzaKind.MESSAGE, Target.LOCAL_BARE, delivery::toBare);
        ctx.handlers().stanza(StanzaKind.MESSAGE, Target.LOCAL_FULL, delivery::toFull);
        // RFC 6120 §10.3.1: a message without 'to' is for the sender's own bare JID.
        ctx.handlers().stanza(StanzaKind.MESSAGE, Target.SELF, message -> {
            Jid from = message.from();
            if (from != null && from.hasLocalpart()) {
                delivery.toBare(message.withTo(from.asBareJid()));
            }
        });
        if (!ctx.config().im().enabled()) {
            ctx.handlers().interceptor(new ImSwitch());
        }
        ctx.handlers().interceptor(new ReplyTracker(ctx.hubs(), forking));
        ctx.events().subscribe(SessionUnbound.class, e -> forking.resourceGone(e.hub(), e.resource()));
    }
}
