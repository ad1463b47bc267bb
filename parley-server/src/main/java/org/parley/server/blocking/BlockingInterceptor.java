package org.parley.server.blocking;

import org.parley.server.core.Domains;
import org.jxmpp.jid.Jid;
import org.parley.server.core.Interceptor;
import org.parley.server.core.Router;
import org.parley.server.core.Target;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * Enforces block lists on the stanza path (XEP-0191 §3.3). Inbound from a blocked entity:
 * presence dropped silently, messages and iq get/set answered service-unavailable (so the user
 * looks offline), anything else dropped. Outbound to a blocked entity: messages and iq requests
 * answered not-acceptable with {@code <blocked/>}; outbound presence is dropped without an
 * error (it is mostly the server broadcasting on the user's behalf) except unavailable, which
 * blocking itself sends; errors pass, as they only answer what the other side sent.
 * Stanzas between a user and the server itself are never judged.
 */
final class BlockingInterceptor implements Interceptor {

    private final BlockLists lists;
    private final Router router;
    private final Domains domains;

    BlockingInterceptor(BlockLists lists, Router router, Domains domains) {
        this.lists = lists;
        this.router = router;
        this.domains = domains;
    }

    @Override
    public Decision onReceived(Stanza stanza, Target target) {
        Jid from = stanza.from();
        if (from == null || from.isDomainBareJid() && domains.isLocal(from.asDomainBareJid()) || from.asBareJid().equals(stanza.to().asBareJid())
                || !lists.blocks(domains.names().of(stanza.to().asEntityBareJidIfPossible()), from)) {
            return Decision.CONTINUE;
        }
        if (stanza.isMessage() && !stanza.isError() || stanza.isIqRequest()) {
            return new Reply(Stanzas.error(stanza, StanzaErrorCondition.SERVICE_UNAVAILABLE, null));
        }
        return Decision.DROP;
    }

    @Override
    public Decision onSent(Stanza stanza, Target target) {
        Jid to = stanza.to();
        if (to == null || target == Target.SELF || target == Target.SERVER || stanza.isError()
                || to.asBareJid().equals(stanza.from().asBareJid())
                || !lists.blocks(domains.names().of(stanza.from().asEntityBareJidIfPossible()), to)) {
            return Decision.CONTINUE;
        }
        if (stanza.isPresence()) {
            return "unavailable".equals(stanza.type()) ? Decision.CONTINUE : Decision.DROP;
        }
        if (stanza.isMessage() || stanza.isIqRequest()) {
            // Straight to the sender's session: routed, the error would come "from" the blocked
            // contact and be dropped by the inbound rule above.
            router.deliverToSession(stanza.from(), blockedError(stanza));
        }
        return Decision.DROP;
    }

    static Stanza blockedError(Stanza stanza) {
        Stanza error = Stanzas.error(stanza, StanzaErrorCondition.NOT_ACCEPTABLE, null);
        Element root = error.element();
        Element err = root.child("error", root.namespace()).orElseThrow();
        Element withBlocked = err.withChild(Element.of("blocked", Namespaces.BLOCKING_ERRORS));
        return error.withElement(root.withoutChildren(e -> e == err).withChild(withBlocked));
    }
}
