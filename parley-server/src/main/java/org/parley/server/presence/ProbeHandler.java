package org.parley.server.presence;

import java.util.Collection;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.parley.server.core.UserHub;
import org.parley.server.core.UserHubs;
import org.parley.server.roster.Roster;
import org.parley.server.roster.RosterService;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * Answers presence probes for a local user (RFC 6121 §4.3.2): a prober that is not subscribed
 * learns nothing and gets "unsubscribed" (which also repairs a roster that thinks otherwise);
 * a subscriber gets the composed presence of each available resource, or "unavailable" when
 * there is none. With sharing off, subscribers get no answer at all.
 */
final class ProbeHandler {

    private final UserHubs hubs;
    private final RosterService rosters;
    private final PresenceBroadcaster broadcaster;
    private final SubscriptionHandler subscriptions;
    private final PresenceDelivery delivery;

    ProbeHandler(UserHubs hubs, RosterService rosters, PresenceBroadcaster broadcaster,
                 SubscriptionHandler subscriptions, PresenceDelivery delivery) {
        this.hubs = hubs;
        this.rosters = rosters;
        this.broadcaster = broadcaster;
        this.subscriptions = subscriptions;
        this.delivery = delivery;
    }

    void handle(Stanza probe) {
        Jid prober = probe.from();
        EntityBareJid contact = delivery.localUser(probe.to());
        if (prober == null || contact == null) {
            return;
        }
        UserHub hub = hubs.hub(contact);
        if (hub == null) {
            // Offline: the stored roster decides between "unavailable" and "unsubscribed".
            rosters.roster(contact).thenAccept(roster -> answer(prober, contact, roster, null));
            return;
        }
        hub.executor().execute(() -> rosters.withRoster(hub, roster ->
                answer(prober, contact, roster, PresenceBroadcaster.composer(hub).published())));
    }

    /** {@code current} is what subscribers see now (null when the contact is offline). */
    private void answer(Jid prober, EntityBareJid contact, Roster roster, Collection<Stanza> current) {
        if (!roster.isSubscriber(prober)) {
            if (roster.item(prober) != null || delivery.localUser(prober) != null) {
                subscriptions.inbound(simple("unsubscribed", contact, prober.asBareJid()));
            }
            return;
        }
        if (!broadcaster.sharing()) {
            return;
        }
        if (current == null || current.isEmpty()) {
            delivery.toFullJid(prober, simple("unavailable", contact, prober));
            return;
        }
        for (Stanza p : current) {
            delivery.toFullJid(prober, p);
        }
    }

    private static Stanza simple(String type, Jid from, Jid to) {
        return Stanza.of(Element.builder("presence", Namespaces.CLIENT)
                .attribute("type", type)
                .attribute("from", from.toString())
                .attribute("to", to.toString())
                .build());
    }
}
