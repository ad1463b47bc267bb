package org.parley.server.carbons;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.server.core.Domains;
import org.jxmpp.jid.Jid;
import org.parley.server.core.AttachmentKey;
import org.parley.server.core.Interceptor;
import org.parley.server.core.IqScope;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.Resource;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.core.Target;
import org.parley.server.core.UserHub;
import org.parley.server.core.UserHubs;
import org.parley.server.message.MessageDelivered;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * Message carbons (XEP-0280): a resource enables them for itself; it then gets a copy of the
 * messages its user's other resources send ("sent", seen by an interceptor) and of those
 * delivered to other resources of the user ("received", from the message module's
 * {@link MessageDelivered}). Start after the modules whose interceptors may refuse a message
 * (message, blocking), so that refused messages are not copied.
 */
public final class CarbonsModule implements Module {

    private static final AttachmentKey<Boolean> ENABLED = new AttachmentKey<>("carbons-enabled");

    private UserHubs hubs;
    private Domains domains;

    @Override
    public void start(ModuleContext ctx) {
        this.hubs = ctx.hubs();
        this.domains = ctx.domains();
        // SERVER scope: a request without 'to', to the own bare JID or to the domain all land here.
        ctx.handlers().iq(IqScope.SERVER, Namespaces.CARBONS, this::toggle);
        ctx.handlers().interceptor(new Interceptor() {
            @Override
            public Decision onSent(Stanza stanza, Target target) {
                copySent(stanza, target);
                return Decision.CONTINUE;
            }
        });
        ctx.events().subscribe(MessageDelivered.class, this::copyReceived);
        ctx.features().addServerFeature(Namespaces.CARBONS);
    }

    private CompletionStage<Stanza> toggle(Stanza iq) {
        Element child = iq.element().elements().get(0);
        boolean enable = child.name().equals("enable");
        if (!"set".equals(iq.type()) || !(enable || child.name().equals("disable"))) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Expected an iq set with <enable/> or <disable/>");
        }
        Jid from = iq.from();
        UserHub hub = from != null && from.hasResource()
                && domains.isLocal(from.asDomainBareJid())
                ? hubs.hub(from.asEntityBareJidIfPossible()) : null;
        if (hub == null) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED, "Only a client of this server can switch carbons");
        }
        CompletableFuture<Stanza> reply = new CompletableFuture<>();
        hub.executor().execute(() -> {
            Resource resource = hub.resource(from.getResourceOrNull());
            if (resource == null) {
                reply.completeExceptionally(new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED, null));
                return;
            }
            resource.attach(ENABLED, enable ? Boolean.TRUE : null);
            reply.complete(Stanzas.result(iq));
        });
        return reply;
    }

    private void copySent(Stanza message, Target target) {
        if (!message.isMessage() || target == Target.SELF || target == Target.SERVER
                || !CarbonCopies.eligible(message)) {
            // Not the request to the XEP-0033 service (SERVER): the copies it fans out come back through here.
            return;
        }
        Jid from = message.from();
        if (!from.hasResource() || message.to().asBareJid().equals(from.asBareJid())) {
            return; // messages to oneself reach the own resources by normal delivery
        }
        UserHub hub = hubs.hub(from.asEntityBareJidIfPossible());
        if (hub == null) {
            return;
        }
        hub.executor().execute(() -> {
            for (Resource r : hub.resources()) {
                if (isEnabled(r) && !r.session().jid().equals(from)) {
                    r.session().deliver(CarbonCopies.wrap("sent", hub.user(), r.session().jid(), message));
                }
            }
        });
    }

    /** On the recipient's hub executor. */
    private void copyReceived(MessageDelivered delivered) {
        if (!CarbonCopies.eligible(delivered.message())) {
            return;
        }
        UserHub hub = delivered.hub();
        for (Resource r : hub.resources()) {
            if (isEnabled(r) && !delivered.recipients().contains(r)) {
                r.session().deliver(CarbonCopies.wrap("received", hub.user(), r.session().jid(), delivered.message()));
            }
        }
    }

    private static boolean isEnabled(Resource r) {
        return Boolean.TRUE.equals(r.attachment(ENABLED));
    }
}
