package org.parley.server.roster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;

/**
 * An immutable snapshot of a user's roster at one version (XEP-0237). Includes unlisted rows
 * (pending inbound requests), which {@link #listedItems()} leaves out.
 */
public final class Roster {

    private final long version;
    private final Map<BareJid, RosterItem> items;

    public Roster(long version, Map<BareJid, RosterItem> items) {
        this.version = version;
        this.items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    }

    public static Roster empty() {
        return new Roster(0, Map.of());
    }

    public long version() {
        return version;
    }

    /** The version string clients see in 'ver'. */
    public String ver() {
        return Long.toString(version);
    }

    /** The row for a contact (listed or not), or null. Any JID form is looked up by its bare JID. */
    public RosterItem item(Jid contact) {
        return items.get(contact.asBareJid());
    }

    /** Every row, listed or not (unlisted rows hold only a pending inbound request), in contact order. */
    public List<RosterItem> items() {
        return List.copyOf(items.values());
    }

    public List<RosterItem> listedItems() {
        List<RosterItem> out = new ArrayList<>(items.size());
        for (RosterItem i : items.values()) {
            if (i.listed()) {
                out.add(i);
            }
        }
        return out;
    }

    /** Contacts that receive the user's presence (subscription from or both). */
    public List<BareJid> subscribers() {
        List<BareJid> out = new ArrayList<>();
        for (RosterItem i : items.values()) {
            if (i.hasFrom()) {
                out.add(i.jid());
            }
        }
        return out;
    }

    /** Contacts whose presence the user receives (subscription to or both): those probed at sign-in. */
    public List<BareJid> publishers() {
        List<BareJid> out = new ArrayList<>();
        for (RosterItem i : items.values()) {
            if (i.hasTo()) {
                out.add(i.jid());
            }
        }
        return out;
    }

    /** Inbound subscription requests the user has neither approved nor denied. */
    public List<RosterItem> pendingIn() {
        List<RosterItem> out = new ArrayList<>();
        for (RosterItem i : items.values()) {
            if (i.pendingIn()) {
                out.add(i);
            }
        }
        return out;
    }

    public boolean isSubscriber(Jid contact) {
        RosterItem i = item(contact);
        return i != null && i.hasFrom();
    }

    /** This roster with one row replaced (or removed when {@code item} is null) at a new version. */
    public Roster with(BareJid contact, RosterItem item, long newVersion) {
        Map<BareJid, RosterItem> copy = new LinkedHashMap<>(items);
        if (item == null) {
            copy.remove(contact);
        } else {
            copy.put(contact, item);
        }
        return new Roster(newVersion, copy);
    }
}
