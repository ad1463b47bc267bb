package org.parley.server.presence;

import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;
import org.parley.server.roster.RosterItem;

/**
 * The subscription state machine of RFC 6121 Appendix A as pure functions on a roster row (null
 * when absent). Outbound rules change the sender's row for the contact; inbound rules change the
 * recipient's row for the sender. Where the appendix says "no state change" they return the row
 * unchanged, which the store recognises and does not write.
 */
final class SubscriptionRules {

    private SubscriptionRules() {
    }

    /** A.2: the user sent a subscription stanza of {@code type} to {@code contact}. */
    static UnaryOperator<RosterItem> outbound(String type, BareJid contact) {
        return switch (type) {
            // A.2.1: None → None+PendingOut, From → From+PendingOut; to/both unchanged. The user
            // asking for a contact's presence puts the contact in the roster.
            case "subscribe" -> i -> {
                RosterItem item = i == null ? RosterItem.listed(contact) : i.withListed(true);
                return item.hasTo() ? item : item.withPendingOut(true);
            };
            // A.2.2: the user no longer wants the contact's presence (and withdraws any request).
            case "unsubscribe" -> i -> i == null ? null : i.withTo(false).withPendingOut(false);
            // A.2.3 with §3.4: approving a pending request grants 'from'; with no request pending
            // it is a pre-approval (§3.4.2), and with 'from' already granted nothing happens.
            case "subscribed" -> i -> {
                if (i != null && i.hasFrom()) {
                    return i;
                }
                if (i != null && i.pendingIn()) {
                    return i.withFrom(true).withPendingIn(false, null).withApproved(false).withListed(true);
                }
                return (i == null ? RosterItem.listed(contact) : i.withListed(true)).withApproved(true);
            };
            // A.2.4: cancel the contact's subscription, deny its request, or revoke a pre-approval.
            case "unsubscribed" -> i -> i == null ? null : i.withFrom(false).withPendingIn(false, null)
                    .withApproved(false);
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** Whether the user's server passes an outbound stanza on to the contact, given its effect on the user's row. */
    static boolean routesOutbound(String type, RosterItem before) {
        // §3.4.2: a pre-approval stays on the user's server; an approval of nothing pending is
        // either that or (from/both) silently ignored. Everything else is routed (§3.1.2, §3.2.2, §3.3.2).
        return !type.equals("subscribed") || (before != null && before.pendingIn() && !before.hasFrom());
    }

    /** A.3: a subscription stanza of {@code type} from {@code sender} reached the recipient; {@code request} is kept for subscribe. */
    static UnaryOperator<RosterItem> inbound(String type, BareJid sender, String request) {
        return switch (type) {
            // A.3.1 with §3.4.2: already subscribed → unchanged (auto-reply); pre-approved → from
            // granted at once; otherwise the request is pending until the recipient answers.
            case "subscribe" -> i -> {
                if (i != null && i.hasFrom()) {
                    return i;
                }
                if (i != null && i.approved()) {
                    return i.withFrom(true).withApproved(false).withListed(true);
                }
                return (i == null ? RosterItem.unlisted(sender) : i).withPendingIn(true, request);
            };
            // A.3.2: only an approval the recipient asked for counts (§3.1.6).
            case "subscribed" -> i -> i != null && i.pendingOut() && !i.hasTo()
                    ? i.withTo(true).withPendingOut(false) : i;
            // A.3.3: the sender no longer wants the recipient's presence, or withdraws its request.
            case "unsubscribe" -> i -> i != null && (i.hasFrom() || i.pendingIn())
                    ? i.withFrom(false).withPendingIn(false, null) : i;
            // A.3.4: the sender cancelled or denied the recipient's subscription.
            case "unsubscribed" -> i -> i != null && (i.hasTo() || i.pendingOut())
                    ? i.withTo(false).withPendingOut(false) : i;
            default -> throw new IllegalArgumentException(type);
        };
    }

    static boolean isSubscription(String type) {
        return "subscribe".equals(type) || "subscribed".equals(type) || "unsubscribe".equals(type)
                || "unsubscribed".equals(type);
    }
}
