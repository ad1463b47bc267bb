package org.parley.server.roster;

import org.parley.server.account.AccountNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.storage.Jdbc;
import org.parley.server.storage.StorageException;

/**
 * Rosters in the database (tables roster_items and roster_versions). Every method blocks: call it
 * from the blocking pool. Rows are keyed by the user's account name and the contact's bare JID.
 */
public final class RosterStore {

    private static final String COLUMNS =
            "contact, name, subscription, pending_out, pending_in, approved, listed, groups_text, pending_in_stanza";

    private final Jdbc jdbc;
    private final AccountNames names;

    public RosterStore(Jdbc jdbc, AccountNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    public Roster load(EntityBareJid user) {
        String username = names.of(user);
        long version = jdbc.queryOne("SELECT version FROM roster_versions WHERE username = ?",
                rs -> rs.getLong(1), username).orElse(0L);
        Map<BareJid, RosterItem> items = new LinkedHashMap<>();
        for (RosterItem i : jdbc.query("SELECT " + COLUMNS + " FROM roster_items WHERE username = ? ORDER BY contact",
                RosterStore::item, username)) {
            items.put(i.jid(), i);
        }
        return new Roster(version, items);
    }

    /**
     * Applies {@code transition} to one row in a transaction (the row locked while it runs) and
     * bumps the roster version when the row changed. The transition receives null for an absent
     * row and returns null (or a void item) to delete it. It must be a pure function: it may run
     * again if the database retries.
     */
    public RosterChange update(EntityBareJid user, BareJid contact, UnaryOperator<RosterItem> transition) {
        String username = names.of(user);
        return jdbc.inTransaction(c -> update(c, user, username, contact, transition));
    }

    /**
     * Sets the given rows to exactly {@code items} in ONE transaction, so a failure leaves the
     * roster as it was (an import must not half-apply a user). With {@code removeOthers}, rows
     * not among {@code items} are deleted. Each changed row gets its own version, as pushes need.
     */
    public List<RosterChange> replace(EntityBareJid user, List<RosterItem> items, boolean removeOthers) {
        String username = names.of(user);
        return jdbc.inTransaction(c -> {
            List<RosterChange> changes = new ArrayList<>();
            Map<BareJid, RosterItem> wanted = new LinkedHashMap<>();
            for (RosterItem i : items) {
                wanted.put(i.jid(), i);
            }
            if (removeOthers) {
                for (BareJid existing : contacts(c, username)) {
                    if (!wanted.containsKey(existing)) {
                        wanted.put(existing, null);
                    }
                }
            }
            for (Map.Entry<BareJid, RosterItem> e : wanted.entrySet()) {
                RosterChange change = update(c, user, username, e.getKey(), before -> e.getValue());
                if (change.changed()) {
                    changes.add(change);
                }
            }
            return changes;
        });
    }

    private static List<BareJid> contacts(Connection c, String username) throws SQLException {
        List<BareJid> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM roster_items WHERE username = ?")) {
            Jdbc.bind(ps, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(item(rs).jid());
                }
            }
        }
        return out;
    }

    private static RosterChange update(Connection c, EntityBareJid user, String username, BareJid contact,
                                       UnaryOperator<RosterItem> transition) throws SQLException {
        RosterItem before = select(c, username, contact);
        RosterItem after = transition.apply(before);
        if (after != null && after.isVoid()) {
            after = null;
        }
        if (java.util.Objects.equals(before, after)) {
            return new RosterChange(user, contact, before, after, currentVersion(c, username));
        }
        if (after == null) {
            execute(c, "DELETE FROM roster_items WHERE username = ? AND contact = ?", username, contact.toString());
        } else if (before == null) {
            execute(c, "INSERT INTO roster_items (username, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    username, contact.toString(), after.name(), after.subscription().value(), after.pendingOut(),
                    after.pendingIn(), after.approved(), after.listed(), GroupsColumn.encode(after.groups()),
                    after.pendingInStanza());
        } else {
            execute(c, "UPDATE roster_items SET name = ?, subscription = ?, pending_out = ?, pending_in = ?,"
                            + " approved = ?, listed = ?, groups_text = ?, pending_in_stanza = ?"
                            + " WHERE username = ? AND contact = ?",
                    after.name(), after.subscription().value(), after.pendingOut(), after.pendingIn(),
                    after.approved(), after.listed(), GroupsColumn.encode(after.groups()), after.pendingInStanza(),
                    username, contact.toString());
        }
        return new RosterChange(user, contact, before, after, bumpVersion(c, username));
    }

    private static RosterItem select(Connection c, String username, BareJid contact) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM roster_items WHERE username = ? AND contact = ? FOR UPDATE")) {
            Jdbc.bind(ps, username, contact.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? item(rs) : null;
            }
        }
    }

    private static long currentVersion(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM roster_versions WHERE username = ?")) {
            Jdbc.bind(ps, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }
    }

    private static long bumpVersion(Connection c, String username) throws SQLException {
        if (execute(c, "UPDATE roster_versions SET version = version + 1 WHERE username = ?", username) == 0) {
            execute(c, "INSERT INTO roster_versions (username, version) VALUES (?, 1)", username);
        }
        return currentVersion(c, username);
    }

    private static int execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, params);
            return ps.executeUpdate();
        }
    }

    private static RosterItem item(ResultSet rs) throws SQLException {
        String contact = rs.getString("contact");
        BareJid jid;
        try {
            jid = JidCreate.bareFrom(contact);
        } catch (XmppStringprepException e) {
            throw new StorageException("stored roster contact is not a JID: " + contact, e);
        }
        return new RosterItem(jid, rs.getString("name"), GroupsColumn.decode(rs.getString("groups_text")),
                Subscription.parse(rs.getString("subscription")), rs.getBoolean("pending_out"),
                rs.getBoolean("pending_in"), rs.getBoolean("approved"), rs.getBoolean("listed"),
                rs.getString("pending_in_stanza"));
    }

    /** Groups in one column: newline-separated, with backslash escaping so any name round-trips. */
    static final class GroupsColumn {

        private GroupsColumn() {
        }

        static String encode(List<String> groups) {
            if (groups.isEmpty()) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            for (String g : groups) {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(g.replace("\\", "\\\\").replace("\n", "\\n"));
            }
            return sb.toString();
        }

        static List<String> decode(String text) {
            if (text == null || text.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(++i);
                    cur.append(next == 'n' ? '\n' : next);
                } else if (ch == '\n') {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }
}
