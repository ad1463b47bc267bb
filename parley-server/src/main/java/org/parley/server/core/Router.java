package org.parley.server.core;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.parley.server.storage.StorageException;
import org.parley.xml.Element;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single place that decides where a stanza goes (RFC 6120 §10, RFC 6121 §8). It classifies
 * the target, runs interceptors, and dispatches to a local session, a module's handler or a
 * component. It never blocks and is safe to call from any thread. Errors are built here, once:
 * a handler's {@link StanzaErrorException} becomes the error reply, an unexpected exception is
 * logged and answered {@code internal-server-error}, an iq nobody handles gets
 * {@code service-unavailable}.
 */
public final class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final Domains domains;
    private final UserHubs hubs;
    private final HandlerRegistry handlers;
    private final IqTracker iqTracker;

    public Router(Domains domains, UserHubs hubs, HandlerRegistry handlers, IqTracker iqTracker) {
        this.domains = domains;
        this.hubs = hubs;
        this.handlers = handlers;
        this.iqTracker = iqTracker;
    }

    /** The default domain. */
    public DomainBareJid domain() {
        return domains.defaultDomain();
    }

    public Domains domains() {
        return domains;
    }

    /** Routes a stanza whose 'from' is already set (by the sender's session or the generating module). */
    public void route(Stanza stanza) {
        Target target = classify(stanza);
        try {
            if (!applyInterceptors(stanza, target)) {
                return;
            }
            dispatch(stanza, target);
        } catch (StanzaErrorException e) {
            bounce(stanza, e);
        } catch (RuntimeException e) {
            log.error("failed to route {} to {}", stanza.kind(), stanza.to(), e);
            bounce(stanza, new StanzaErrorException(StanzaErrorCondition.INTERNAL_SERVER_ERROR, null));
        }
    }

    /** Hands a stanza straight to a local full JID's session, skipping module handlers; false if offline. */
    public boolean deliverToSession(Jid fullJid, Stanza stanza) {
        Session session = hubs.session(fullJid);
        if (session == null) {
            return false;
        }
        session.deliver(stanza);
        return true;
    }

    /**
     * Delivers a stanza a module generated for a local session on a user's behalf (a presence
     * broadcast, a probe answer): the interceptors apply as if it had been routed (so blocking
     * holds), the module handlers do not (the stanza is already their output). False when an
     * interceptor stopped it or the session is gone.
     */
    public boolean deliverIntercepted(Stanza stanza) {
        try {
            if (!applyInterceptors(stanza, classify(stanza))) {
                return false;
            }
        } catch (RuntimeException e) {
            log.error("interceptor failed on generated {} to {}", stanza.kind(), stanza.to(), e);
            return false;
        }
        return deliverToSession(stanza.to(), stanza);
    }

    public Target classify(Stanza stanza) {
        Jid to = stanza.to();
        if (to == null) {
            return Target.SELF;
        }
        if (!domains.isLocal(to.asDomainBareJid())) {
            Component component = componentFor(to);
            return component != null ? Target.COMPONENT : Target.REMOTE;
        }
        if (!to.hasLocalpart()) {
            return Target.SERVER;
        }
        if (to.hasResource()) {
            return Target.LOCAL_FULL;
        }
        Jid from = stanza.from();
        if (stanza.isIq() && from != null && to.equals(from.asBareJid())) {
            return Target.SELF;
        }
        return Target.LOCAL_BARE;
    }

    private Component componentFor(Jid to) {
        return handlers.component(to.asDomainBareJid().toString());
    }

    private boolean isLocalUser(Jid jid) {
        return jid != null && jid.hasLocalpart() && domains.isLocal(jid.asDomainBareJid());
    }

    /** Returns false when an interceptor stopped the stanza (after sending its reply, if any). */
    private boolean applyInterceptors(Stanza stanza, Target target) {
        List<Interceptor> interceptors = handlers.interceptors();
        if (interceptors.isEmpty()) {
            return true;
        }
        boolean sentByUser = isLocalUser(stanza.from());
        boolean toUser = target == Target.LOCAL_BARE || target == Target.LOCAL_FULL;
        for (Interceptor interceptor : interceptors) {
            if (sentByUser && !decide(interceptor.onSent(stanza, target))) {
                return false;
            }
            if (toUser && !decide(interceptor.onReceived(stanza, target))) {
                return false;
            }
        }
        return true;
    }

    private boolean decide(Interceptor.Decision decision) {
        if (decision instanceof Interceptor.Reply reply) {
            route(reply.reply());
            return false;
        }
        return !(decision instanceof Interceptor.Drop);
    }

    private void dispatch(Stanza stanza, Target target) {
        if (target == Target.COMPONENT) {
            componentFor(stanza.to()).receive(stanza);
            return;
        }
        if (target == Target.REMOTE) {
            // Server-to-server federation is a later capability (F11).
            throw new StanzaErrorException(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND,
                    "Federation with " + stanza.to().asDomainBareJid() + " is not available");
        }
        if (stanza.isIq()) {
            dispatchIq(stanza, target);
            return;
        }
        StanzaHandler handler = handlers.stanzaHandler(stanza.kind(), target);
        if (handler != null) {
            handler.handle(stanza);
            return;
        }
        if (target == Target.LOCAL_FULL && deliverToSession(stanza.to(), stanza)) {
            return;
        }
        if (stanza.isMessage() && target != Target.SERVER && target != Target.SELF) {
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
        // Presence with no handler, and messages to the server itself, are silently ignored
        // (RFC 6121 §8.5.2.2, §8.5.3.2).
    }

    private void dispatchIq(Stanza iq, Target target) {
        if (!iq.isIqRequest()) {
            // A result or error: to a client, or to the server answering a request it sent.
            if (target == Target.LOCAL_FULL) {
                deliverToSession(iq.to(), iq);
            } else if (target == Target.SERVER || target == Target.SELF) {
                iqTracker.answer(iq);
            }
            return;
        }
        if (target == Target.LOCAL_FULL) {
            if (!deliverToSession(iq.to(), iq)) {
                throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
            }
            return;
        }
        List<Element> payload = iq.element().elements();
        if (payload.size() != 1) {
            // RFC 6120 §8.2.3: a get or set has exactly one payload element.
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "An iq request needs exactly one child element");
        }
        String ns = payload.get(0).namespace();
        IqHandler handler = switch (target) {
            case SELF -> firstNonNull(handlers.iqHandler(IqScope.ACCOUNT, ns), handlers.iqHandler(IqScope.SERVER, ns));
            case LOCAL_BARE -> handlers.iqHandler(IqScope.ACCOUNT, ns);
            default -> handlers.iqHandler(IqScope.SERVER, ns);
        };
        if (handler == null) {
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
        CompletionStage<Stanza> reply = handler.handle(iq);
        reply.whenComplete((answer, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof StanzaErrorException see) {
                    bounce(iq, see);
                } else if (cause instanceof StorageException storage) {
                    // The database is away: a temporary condition, so the client should retry (type wait).
                    log.warn("iq handler for {} failed: storage unavailable: {}", ns, storage.getMessage());
                    bounce(iq, new StanzaErrorException(StanzaErrorCondition.INTERNAL_SERVER_ERROR, "wait",
                            "The database is unavailable, try again later"));
                } else {
                    log.error("iq handler for {} failed", ns, cause);
                    bounce(iq, new StanzaErrorException(StanzaErrorCondition.INTERNAL_SERVER_ERROR, null));
                }
            } else if (answer != null) {
                route(answer);
            }
        });
    }

    private static IqHandler firstNonNull(IqHandler a, IqHandler b) {
        return a != null ? a : b;
    }

    /** Sends the error reply for {@code stanza}, unless it is itself an error or an iq result (no loops). */
    private void bounce(Stanza stanza, StanzaErrorException e) {
        if (stanza.isError() || (stanza.isIq() && !stanza.isIqRequest()) || stanza.from() == null) {
            log.debug("not bouncing {} with {}", stanza.kind(), e.condition());
            return;
        }
        // A stanza without 'to' (for the account itself) is answered without 'from' (RFC 6120 §10.3.3).
        route(Stanzas.error(stanza, e.condition(), e.errorType(), e.text()));
    }
}
