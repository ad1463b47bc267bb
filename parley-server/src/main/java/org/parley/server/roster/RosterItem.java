package org.parley.server.roster;

import java.util.List;
import java.util.Objects;
import org.jxmpp.jid.BareJid;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;

/**
 * One contact of a user's roster with its subscription state (RFC 6121 Appendix A): the
 * subscription plus the pending-out ('ask'), pending-in and pre-approval flags.
 *
 * <p>{@code listed} is false for a row that only records an inbound subscription request the
 * user has not acted on yet: RFC 6121 keeps such a request out of the roster (it is shown as a
 * presence stanza, not as an item) until the user approves it or adds the contact.
 *
 * @param pendingInStanza the complete subscription request as received (§3.1.3 asks the server
 *                        to keep it whole and deliver it again at the next sign-in), or null
 */
public record RosterItem(BareJid jid, String name, List<String> groups, Subscription subscription,
                         boolean pendingOut, boolean pendingIn, boolean approved, boolean listed,
                         String pendingInStanza) {

    public RosterItem {
        Objects.requireNonNull(jid, "jid");
        groups = List.copyOf(groups);
        Objects.requireNonNull(subscription, "subscription");
        if (!pendingIn) {
            pendingInStanza = null;
        }
    }

    /** A fresh contact in state None, shown in the roster. */
    public static RosterItem listed(BareJid jid) {
        return new RosterItem(jid, null, List.of(), Subscription.NONE, false, false, false, true, null);
    }

    /** A contact the user does not have in the roster yet: only a pending inbound request will make it exist. */
    public static RosterItem unlisted(BareJid jid) {
        return new RosterItem(jid, null, List.of(), Subscription.NONE, false, false, false, false, null);
    }

    public boolean hasTo() {
        return subscription.hasTo();
    }

    public boolean hasFrom() {
        return subscription.hasFrom();
    }

    /** Nothing left worth storing: neither shown in the roster nor carrying any subscription state. */
    public boolean isVoid() {
        return !listed && subscription == Subscription.NONE && !pendingOut && !pendingIn && !approved;
    }

    public RosterItem withTo(boolean to) {
        return new RosterItem(jid, name, groups, subscription.withTo(to), pendingOut, pendingIn, approved, listed,
                pendingInStanza);
    }

    public RosterItem withFrom(boolean from) {
        return new RosterItem(jid, name, groups, subscription.withFrom(from), pendingOut, pendingIn, approved,
                listed, pendingInStanza);
    }

    public RosterItem withPendingOut(boolean value) {
        return new RosterItem(jid, name, groups, subscription, value, pendingIn, approved, listed, pendingInStanza);
    }

    /** Sets or clears the pending inbound request; {@code request} is the stanza to keep (when setting). */
    public RosterItem withPendingIn(boolean value, String request) {
        return new RosterItem(jid, name, groups, subscription, pendingOut, value, approved, listed,
                value ? request : null);
    }

    public RosterItem withApproved(boolean value) {
        return new RosterItem(jid, name, groups, subscription, pendingOut, pendingIn, value, listed, pendingInStanza);
    }

    public RosterItem withListed(boolean value) {
        return new RosterItem(jid, name, groups, subscription, pendingOut, pendingIn, approved, value,
                pendingInStanza);
    }

    /** The user's own data for the item (a roster set); subscription state is the server's and stays. */
    public RosterItem withNameAndGroups(String newName, List<String> newGroups) {
        return new RosterItem(jid, newName, newGroups, subscription, pendingOut, pendingIn, approved, true,
                pendingInStanza);
    }

    /** The {@code <item/>} of a roster result or push (RFC 6121 §2.1.2). */
    public Element toElement() {
        Element.Builder b = Element.builder("item", Namespaces.ROSTER)
                .attribute("jid", jid.toString())
                .attribute("name", name)
                .attribute("subscription", subscription.value())
                .attribute("ask", pendingOut ? "subscribe" : null)
                .attribute("approved", approved ? "true" : null);
        for (String g : groups) {
            b.textChild("group", g);
        }
        return b.build();
    }

    /** The item of a push announcing its removal. */
    public static Element removal(BareJid jid) {
        return Element.builder("item", Namespaces.ROSTER)
                .attribute("jid", jid.toString())
                .attribute("subscription", "remove")
                .build();
    }
}
