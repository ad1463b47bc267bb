package org.parley.server.presence;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.parley.server.account.Accounts;
import org.parley.server.roster.RosterChange;
import org.parley.server.roster.RosterService;
import org.parley.server.roster.StoredStanza;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence subscription stanzas (RFC 6121 §3) between local users: the sender's server side
 * (outbound, Appendix A.2) and then the recipient's (inbound, A.3), each a stored roster change.
 * Presence that follows a change (the current presence to a new subscriber, unavailable to a
 * former one) is sent by {@link PresenceBroadcaster#subscriptionChanged} when the change lands.
 */
final class SubscriptionHandler {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionHandler.class);

    private final RosterService rosters;
    private final Accounts accounts;
    private final PresenceDelivery delivery;

    SubscriptionHandler(RosterService rosters, Accounts accounts, PresenceDelivery delivery) {
        this.rosters = rosters;
        this.accounts = accounts;
        this.delivery = delivery;
    }

    /** A subscription stanza routed to a local bare or full JID. */
    void handle(Stanza stanza) {
        Jid from = stanza.from();
        BareJid contact = stanza.to().asBareJid();
        if (from == null || from.asBareJid().equals(contact)) {
            return; // a user is implicitly subscribed to itself (§4.2.2); nothing to manage
        }
        String type = stanza.type();
        // §3.1.2 and friends: subscription stanzas travel between bare JIDs, stamped by the server.
        Stanza stamped = stanza.withFrom(from.asBareJid()).withTo(contact);
        EntityBareJid user = delivery.localUser(from);
        if (user == null) {
            inbound(stamped);
            return;
        }
        rosters.update(user, contact, SubscriptionRules.outbound(type, contact))
                .thenAccept(change -> {
                    if (SubscriptionRules.routesOutbound(type, change.before())) {
                        inbound(stamped);
                    }
                })
                .exceptionally(e -> fail(stanza, e));
    }

    /** The recipient's side; {@code stanza} goes from a bare JID to a local bare JID. */
    void inbound(Stanza stanza) {
        EntityBareJid owner = delivery.localUser(stanza.to());
        if (owner == null) {
            delivery.router().route(stanza);
            return;
        }
        String type = stanza.type();
        BareJid sender = stanza.from().asBareJid();
        accounts.exists(owner.asEntityBareJidString())
                .thenCompose(exists -> {
                    if (!exists) {
                        // §8.5.1 / §3.1.3: a request to nobody is answered "unsubscribed", which
                        // tells the requester's client the subscription will never happen;
                        // anything else for a missing account is ignored.
                        if (type.equals("subscribe")) {
                            inbound(reply("unsubscribed", owner, sender));
                        }
                        return java.util.concurrent.CompletableFuture.completedFuture(null);
                    }
                    String request = type.equals("subscribe") ? StoredStanza.encode(stanza) : null;
                    return rosters.update(owner, sender, SubscriptionRules.inbound(type, sender, request))
                            .thenAccept(change -> afterInbound(stanza, change));
                })
                .exceptionally(e -> fail(stanza, e));
    }

    private void afterInbound(Stanza stanza, RosterChange change) {
        EntityBareJid owner = change.user();
        switch (stanza.type()) {
            case "subscribe" -> {
                if (change.before() != null && change.before().hasFrom() || change.gainedFrom()) {
                    // §3.1.3 rule 2 (already subscribed) and §3.4.2 (pre-approved): answer for the contact.
                    inbound(reply("subscribed", owner, change.contact()));
                } else {
                    // §3.1.3 rules 3-4: to the available resources now; the stored request is
                    // delivered again at the next available resource until answered.
                    delivery.toUser(owner, stanza, false);
                }
            }
            default -> {
                if (change.changed()) {
                    delivery.toUser(owner, stanza, true);
                }
            }
        }
    }

    private static Stanza reply(String type, BareJid from, BareJid to) {
        return Stanza.of(Element.builder("presence", Namespaces.CLIENT)
                .attribute("type", type)
                .attribute("from", from.toString())
                .attribute("to", to.toString())
                .build());
    }

    private static Void fail(Stanza stanza, Throwable e) {
        log.warn("could not process presence {} from {} to {}", stanza.type(), stanza.from(), stanza.to(), e);
        return null;
    }
}
