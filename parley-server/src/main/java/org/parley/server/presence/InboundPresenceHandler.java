package org.parley.server.presence;

import java.util.HashSet;
import java.util.Set;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.parley.server.core.Resource;
import org.parley.server.core.StanzaHandler;
import org.parley.server.core.UserHub;
import org.parley.server.core.UserHubs;
import org.parley.xml.Stanza;

/**
 * Presence addressed to a local user's bare or full JID (RFC 6121 §8.5.2.1.1, §8.5.3): subscription
 * stanzas and probes go to their handlers; available/unavailable is directed presence (§4.6),
 * remembered on the sending resource so that it gets an unavailable when that resource leaves;
 * errors are delivered. A full JID that is not online gets nothing (§8.5.3.2.1), except that a
 * subscription stanza or probe counts for the bare JID.
 */
final class InboundPresenceHandler implements StanzaHandler {

    private final UserHubs hubs;
    private final SubscriptionHandler subscriptions;
    private final ProbeHandler probes;
    private final PresenceDelivery delivery;

    InboundPresenceHandler(UserHubs hubs, SubscriptionHandler subscriptions, ProbeHandler probes,
                           PresenceDelivery delivery) {
        this.hubs = hubs;
        this.subscriptions = subscriptions;
        this.probes = probes;
        this.delivery = delivery;
    }

    @Override
    public void handle(Stanza stanza) {
        String type = stanza.type();
        if (SubscriptionRules.isSubscription(type)) {
            subscriptions.handle(stanza);
        } else if ("probe".equals(type)) {
            probes.handle(stanza);
        } else if ("error".equals(type)) {
            deliver(stanza);
        } else if (type == null || "unavailable".equals(type)) {
            directed(stanza);
        }
        // Any other type is not presence we know (RFC 6121 §4.7.1): ignored.
    }

    private void directed(Stanza stanza) {
        EntityFullJid sender = stanza.from().asEntityFullJidIfPossible();
        EntityBareJid senderUser = delivery.localUser(stanza.from());
        UserHub hub = senderUser == null || sender == null ? null : hubs.hub(senderUser);
        if (hub == null) {
            deliver(stanza);
            return;
        }
        hub.executor().execute(() -> {
            Resource r = hub.resource(sender.getResourcepart());
            if (r != null) {
                remember(r, stanza);
            }
            deliver(stanza);
        });
    }

    /** On the sender's hub: track directed availability (§4.6.3), so its unavailable reaches the same place. */
    private static void remember(Resource r, Stanza stanza) {
        Set<Jid> targets = r.attachment(PresenceBroadcaster.DIRECTED);
        if (stanza.type() == null) {
            if (targets == null) {
                targets = new HashSet<>(2);
                r.attach(PresenceBroadcaster.DIRECTED, targets);
            }
            targets.add(stanza.to());
        } else if (targets != null) {
            targets.remove(stanza.to());
            if (targets.isEmpty()) {
                r.attach(PresenceBroadcaster.DIRECTED, null);
            }
        }
    }

    /** To the full JID's session, or to every available resource of a bare JID. */
    private void deliver(Stanza stanza) {
        Jid to = stanza.to();
        if (to.hasResource()) {
            delivery.router().deliverToSession(to, stanza);
            return;
        }
        EntityBareJid user = delivery.localUser(to);
        UserHub hub = user == null ? null : hubs.hub(user);
        if (hub != null) {
            hub.executor().execute(() -> PresenceDelivery.toOwnResources(hub, stanza));
        }
    }
}
