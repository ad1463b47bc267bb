package org.parley.server.presence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.parley.server.core.AttachmentKey;
import org.parley.server.core.EventBus;
import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;
import org.parley.server.core.UserHubs;
import org.parley.server.core.event.InitialPresence;
import org.parley.server.roster.Roster;
import org.parley.server.roster.RosterChange;
import org.parley.server.roster.RosterItem;
import org.parley.server.roster.RosterService;
import org.parley.server.roster.StoredStanza;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * A user's own presence: initial, subsequent and unavailable presence (RFC 6121 §4.2, §4.4, §4.5),
 * unavailable when a session ends, and presence after a subscription changes. All of it runs on
 * the user's hub executor with the cached roster.
 *
 * <p>Subscribers get the composed view ({@link PresenceComposer}); the user's own resources get
 * each device's real presence. With {@code presence.sharing: false} availability is not shared
 * with anyone else at all: no broadcast to subscribers, no probe answers, no presence on a new
 * subscription. Subscriptions, rosters, directed presence a client sends explicitly, and
 * presence among the user's own resources keep working.
 */
final class PresenceBroadcaster {

    static final AttachmentKey<PresenceComposer> COMPOSER = new AttachmentKey<>("presence.composer");
    /** Per resource: where it sent directed presence (§4.6), owed an unavailable when it leaves. */
    static final AttachmentKey<Set<Jid>> DIRECTED = new AttachmentKey<>("presence.directed");

    private final UserHubs hubs;
    private final RosterService rosters;
    private final PresenceDelivery delivery;
    private final PresenceSources sources;
    private final EventBus events;
    private final boolean sharing;

    PresenceBroadcaster(UserHubs hubs, RosterService rosters, PresenceDelivery delivery, PresenceSources sources,
                        EventBus events, boolean sharing) {
        this.hubs = hubs;
        this.rosters = rosters;
        this.delivery = delivery;
        this.sources = sources;
        this.events = events;
        this.sharing = sharing;
    }

    boolean sharing() {
        return sharing;
    }

    static PresenceComposer composer(UserHub hub) {
        return hub.attachment(COMPOSER, PresenceComposer::new);
    }

    /** Presence without 'to' from a client: available or unavailable (other types mean nothing here). */
    void fromClient(Stanza presence) {
        EntityFullJid from = presence.from() == null ? null : presence.from().asEntityFullJidIfPossible();
        UserHub hub = from == null ? null : hubs.hub(from.asEntityBareJid());
        if (hub == null) {
            return;
        }
        String type = presence.type();
        if (type == null) {
            hub.executor().execute(() -> rosters.withRoster(hub, roster -> available(hub, from, presence, roster)));
        } else if (type.equals("unavailable")) {
            hub.executor().execute(() -> rosters.withRoster(hub, roster -> {
                Resource r = hub.resource(from.getResourcepart());
                if (r != null) {
                    unavailable(hub, r, presence, roster);
                    r.session().deliver(presence);
                }
            }));
        }
    }

    private void available(UserHub hub, EntityFullJid from, Stanza presence, Roster roster) {
        Resource r = hub.resource(from.getResourcepart());
        if (r == null || r.session() == null) {
            return;
        }
        boolean initial = !r.isAvailable();
        r.setPresence(presence);
        // §4.2.2, §4.4.2: the user's own resources (the sender included) see the device's real presence.
        PresenceDelivery.toOwnResources(hub, presence);
        if (initial) {
            for (Resource other : hub.availableResources()) {
                if (other != r) {
                    r.session().deliver(other.presence());
                }
            }
            redeliverPendingRequests(r, roster);
            probe(from, roster);
            events.publish(new InitialPresence(hub, r));
        }
        broadcastChanges(hub, roster);
    }

    /** §3.1.3: requests that arrived while the user was away are delivered again at each new available resource. */
    private static void redeliverPendingRequests(Resource r, Roster roster) {
        for (RosterItem item : roster.pendingIn()) {
            Stanza request = item.pendingInStanza() == null ? null : StoredStanza.decode(item.pendingInStanza());
            if (request != null) {
                r.session().deliver(request);
            }
        }
    }

    /**
     * §4.3.1: probe the contacts whose presence the user receives. The probe carries the new
     * resource's full JID, so that the answers reach only the resource that needs them (its
     * siblings already know); it never leaves the server.
     */
    private void probe(EntityFullJid from, Roster roster) {
        for (BareJid contact : roster.publishers()) {
            if (delivery.localUser(contact) != null) {
                delivery.router().route(Stanza.of(Element.builder("presence", Namespaces.CLIENT)
                        .attribute("type", "probe")
                        .attribute("from", from.toString())
                        .attribute("to", contact.toString())
                        .build()));
            }
        }
    }

    /** On the hub executor: recompose and send subscribers whatever presence they have not seen yet. */
    void broadcastChanges(UserHub hub, Roster roster) {
        // Composed even when sharing is off: the user's own composed state stays readable.
        PresenceComposer composer = composer(hub);
        List<Stanza> changed = composer.recompose(hub, sources.list());
        if (composer.composedChanged()) {
            events.publish(new ComposedPresenceChanged(hub, composer.composed()));
        }
        if (!sharing || changed.isEmpty()) {
            return;
        }
        for (BareJid subscriber : roster.subscribers()) {
            delivery.toContact(subscriber, changed);
        }
    }

    /**
     * On the hub executor: resource {@code r} is leaving (unavailable presence or session end).
     * §4.5.2: its unavailable goes to subscribers, to the user's other resources and to everyone it
     * sent directed presence to; then the others' composed view is recomputed.
     */
    void unavailable(UserHub hub, Resource r, Stanza unavailable, Roster roster) {
        boolean wasAvailable = r.isAvailable();
        r.setPresence(null);
        Set<Jid> directed = r.attachment(DIRECTED);
        r.attach(DIRECTED, null);
        Set<BareJid> told = new HashSet<>();
        if (wasAvailable) {
            PresenceDelivery.toOwnResources(hub, unavailable);
            composer(hub).forget(r.session().jid().getResourcepart());
            if (sharing) {
                for (BareJid subscriber : roster.subscribers()) {
                    delivery.toContact(subscriber, List.of(unavailable));
                    told.add(subscriber);
                }
            }
            broadcastChanges(hub, roster);
        }
        if (directed != null) {
            for (Jid target : directed) {
                if (!told.contains(target.asBareJid())) {
                    delivery.router().route(unavailable.withTo(target));
                }
            }
        }
    }

    /** On the hub executor: a session ended; if it was available (or sent directed presence), say goodbye for it. */
    void sessionEnded(UserHub hub, Resource r) {
        if (!r.isAvailable() && r.attachment(DIRECTED) == null) {
            return;
        }
        Stanza goodbye = Stanza.of(Element.builder("presence", Namespaces.CLIENT)
                .attribute("type", "unavailable")
                .attribute("from", r.session().jid().toString())
                .build());
        rosters.withRoster(hub, roster -> unavailable(hub, r, goodbye, roster));
    }

    /**
     * On the hub executor: a contact started receiving the user's presence (§3.1.5: send it the
     * current presence of every available resource) or stopped (§3.2.2: send unavailable).
     */
    void subscriptionChanged(UserHub hub, RosterChange change) {
        if (!sharing) {
            return;
        }
        if (change.gainedFrom()) {
            // What subscribers see is kept current by every presence change while sharing is on.
            delivery.toContact(change.contact(), composer(hub).published());
        } else if (change.lostFrom()) {
            List<Stanza> goodbyes = new ArrayList<>();
            for (Resource r : hub.availableResources()) {
                goodbyes.add(Stanza.of(Element.builder("presence", Namespaces.CLIENT)
                        .attribute("type", "unavailable")
                        .attribute("from", r.session().jid().toString())
                        .build()));
            }
            delivery.toContact(change.contact(), goodbyes);
        }
    }
}
