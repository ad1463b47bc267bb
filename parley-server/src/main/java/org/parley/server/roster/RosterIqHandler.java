package org.parley.server.roster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.parley.server.core.IqHandler;
import org.parley.server.core.Resource;
import org.parley.server.core.Router;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.core.UserHub;
import org.parley.server.core.UserHubs;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/** jabber:iq:roster get and set (RFC 6121 §2) with versioning (XEP-0237), for the account owner only. */
final class RosterIqHandler implements IqHandler {

    private final RosterService rosters;
    private final UserHubs hubs;
    private final Router router;

    RosterIqHandler(RosterService rosters, UserHubs hubs, Router router) {
        this.rosters = rosters;
        this.hubs = hubs;
        this.router = router;
    }

    @Override
    public CompletionStage<Stanza> handle(Stanza iq) {
        Jid from = iq.from();
        EntityFullJid full = from == null ? null : from.asEntityFullJidIfPossible();
        boolean own = full != null && (iq.to() == null || iq.to().equals(full.asBareJid()));
        boolean get = "get".equals(iq.type());
        if (!own) {
            // §2.1.5/§2.3.3: only the account owner may read or change a roster. A get from anyone
            // else learns nothing (not even that the account exists); a set is refused outright.
            throw new StanzaErrorException(get ? StanzaErrorCondition.SERVICE_UNAVAILABLE
                    : StanzaErrorCondition.FORBIDDEN, null);
        }
        Element query = iq.element().elements().get(0);
        if (!query.is("query", Namespaces.ROSTER)) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Expected a roster query");
        }
        return get ? get(iq, full, query) : set(iq, full.asEntityBareJid(), query);
    }

    private CompletionStage<Stanza> get(Stanza iq, EntityFullJid from, Element query) {
        if (!query.elements().isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "A roster get carries no items");
        }
        UserHub hub = hubs.hub(from.asEntityBareJid());
        if (hub == null) {
            throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
        }
        String clientVer = query.attribute("ver");
        CompletableFuture<Stanza> reply = new CompletableFuture<>();
        hub.executor().execute(() -> rosters.withRoster(hub, roster -> {
            Resource resource = hub.resource(from.getResourcepart());
            if (resource != null) {
                // From now on this resource is "interested" and receives roster pushes (§2.1.6).
                resource.setRosterRequested(true);
            }
            reply.complete(result(iq, roster, clientVer));
        }));
        return reply;
    }

    /**
     * XEP-0237 §2.4: an empty result when the client's version is current; otherwise the whole
     * roster (allowed instead of a series of pushes, and simplest for the client to apply).
     */
    private static Stanza result(Stanza iq, Roster roster, String clientVer) {
        if (clientVer != null && clientVer.equals(roster.ver())) {
            return Stanzas.result(iq);
        }
        Element.Builder q = Element.builder("query", Namespaces.ROSTER);
        if (clientVer != null) {
            q.attribute("ver", roster.ver());
        }
        for (RosterItem i : roster.listedItems()) {
            q.child(i.toElement());
        }
        return Stanzas.result(iq, q.build());
    }

    private CompletionStage<Stanza> set(Stanza iq, EntityBareJid user, Element query) {
        RosterSet request = RosterSet.parse(query);
        if (request.remove()) {
            return rosters.update(user, request.contact(), item -> item == null || !item.listed() ? item : null)
                    .thenApply(change -> {
                        if (change.before() == null || !change.before().listed()) {
                            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, null);
                        }
                        cancelSubscriptions(user, change.before());
                        return Stanzas.result(iq);
                    });
        }
        return rosters.update(user, request.contact(), item -> (item == null ? RosterItem.listed(request.contact())
                        : item).withNameAndGroups(request.name(), request.groups()))
                .thenApply(change -> Stanzas.result(iq));
    }

    /**
     * §2.5.2: removing an item also ends the subscriptions both ways: unsubscribe if the user had
     * or asked for the contact's presence, unsubscribed if the contact had or asked for the user's.
     * They go through the router like any presence the user sends.
     */
    private void cancelSubscriptions(EntityBareJid user, RosterItem removed) {
        if (removed.hasTo() || removed.pendingOut()) {
            router.route(subscription("unsubscribe", user, removed));
        }
        if (removed.hasFrom() || removed.pendingIn()) {
            router.route(subscription("unsubscribed", user, removed));
        }
    }

    private static Stanza subscription(String type, EntityBareJid user, RosterItem item) {
        return Stanza.of(Element.builder("presence", Namespaces.CLIENT)
                .attribute("type", type)
                .attribute("from", user.toString())
                .attribute("to", item.jid().toString())
                .build());
    }
}
