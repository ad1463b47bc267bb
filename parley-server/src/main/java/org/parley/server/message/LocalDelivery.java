package org.parley.server.message;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.parley.server.core.EventBus;
import org.parley.server.core.Resource;
import org.parley.server.core.Router;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.core.UserHub;
import org.parley.server.core.UserHubs;
import org.parley.server.core.event.MessageUndeliverable;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * Delivers a message to a local user by RFC 6121 §8.5: which of the user's resources get it
 * depends on the address (bare or full JID), the message type and the resources' priorities;
 * chats to the bare JID fork as {@link Forking} says. A message that no resource can take is
 * published as {@link MessageUndeliverable} (the offline module stores or bounces it). Resource
 * state is read on the user's hub executor only.
 */
final class LocalDelivery {

    private final UserHubs hubs;
    private final EventBus events;
    private final Router router;
    private final Forking forking;

    LocalDelivery(UserHubs hubs, EventBus events, Router router, Forking forking) {
        this.hubs = hubs;
        this.events = events;
        this.router = router;
        this.forking = forking;
    }

    /** §8.5.2: a message to localpart@domainpart. */
    void toBare(Stanza message) {
        MessageType type = MessageType.of(message);
        if (type == MessageType.ERROR) {
            return; // §8.5.2.1.1, §8.5.2.2.1: silently ignored
        }
        if (type == MessageType.GROUPCHAT) {
            // §8.5.2.1.1, §8.5.2.2.1: a groupchat message to a bare JID is an error whether or not the user is online.
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
        EntityBareJid user = message.to().asEntityBareJidIfPossible();
        UserHub hub = hubs.hub(user);
        if (hub == null) {
            noAvailableResource(user, message, type);
            return;
        }
        hub.executor().execute(() -> deliverToBare(hub, message, type));
    }

    /** §8.5.3: a message to localpart@domainpart/resourcepart. */
    void toFull(Stanza message) {
        MessageType type = MessageType.of(message);
        EntityBareJid user = message.to().asEntityBareJidIfPossible();
        UserHub hub = hubs.hub(user);
        if (hub == null) {
            noMatchingResource(null, user, message, type);
            return;
        }
        hub.executor().execute(() -> {
            Resource resource = hub.resource(message.to().getResourceOrNull());
            if (resource != null) {
                deliver(hub, message, List.of(resource)); // §8.5.3.1: whatever the type or priority
            } else {
                noMatchingResource(hub, user, message, type);
            }
        });
    }

    /** On the hub executor. */
    private void deliverToBare(UserHub hub, Stanza message, MessageType type) {
        List<Resource> targets = switch (type) {
            case CHAT -> forking.chatTargets(hub, message.from().asBareJid());
            // "Most available": the highest non-negative priority (one or several tied resources).
            case NORMAL -> hub.highestPriorityResources();
            case HEADLINE -> nonNegative(hub);
            default -> List.of();
        };
        if (targets.isEmpty()) {
            // §8.5.2.1.1: only negative-priority resources count as no available resource.
            noAvailableResource(hub.user(), message, type);
            return;
        }
        deliver(hub, message, targets);
    }

    /** §8.5.3.2.1; {@code hub} is null when the user has no session (then we are not on any hub executor). */
    private void noMatchingResource(UserHub hub, EntityBareJid user, Stanza message, MessageType type) {
        switch (type) {
            case ERROR -> { }
            case CHAT -> {
                if (hub == null) {
                    noAvailableResource(user, message, type);
                } else {
                    deliverToBare(hub, message, type);
                }
            }
            // normal, groupchat, headline: "silently ignore or return service-unavailable"; we tell the sender.
            default -> bounce(message);
        }
    }

    /** §8.5.2.2.1: headline ignored; chat and normal stored offline or bounced by the offline module. */
    private void noAvailableResource(EntityBareJid user, Stanza message, MessageType type) {
        if (type == MessageType.CHAT || type == MessageType.NORMAL) {
            events.publish(new MessageUndeliverable(user, message));
        }
    }

    private void deliver(UserHub hub, Stanza message, List<Resource> targets) {
        // XEP-0280 §7: the receiving server should remove <private/> before delivery.
        Stanza out = message.element().child("private", Namespaces.CARBONS).isPresent()
                ? message.withElement(message.element().withoutChildren(e -> e.is("private", Namespaces.CARBONS)))
                : message;
        for (Resource r : targets) {
            r.session().deliver(out);
        }
        events.publish(new MessageDelivered(hub, message, targets));
    }

    private void bounce(Stanza message) {
        Jid from = message.from();
        if (from != null && !message.isError()) {
            router.route(Stanzas.error(message, StanzaErrorCondition.SERVICE_UNAVAILABLE, null));
        }
    }

    private static List<Resource> nonNegative(UserHub hub) {
        List<Resource> out = new ArrayList<>(2);
        for (Resource r : hub.availableResources()) {
            if (r.priority() >= 0) {
                out.add(r);
            }
        }
        return out;
    }
}
