package org.parley.server.addressing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.account.AccountNames;
import org.parley.xml.Element;
import org.parley.xml.ElementParser;
import org.parley.xml.XmlStreamException;

/**
 * Every place the database names a user, rewritten inside one transaction for a set of account
 * renames. Per-user rows follow the foreign keys to users(username), found in the database's
 * metadata so that a table added later is not missed; addresses stored as JIDs are listed here
 * (rosters, block lists, room affiliations and archive senders, presence inputs), and so are
 * stanzas kept as XML (offline messages, pending subscription requests) and directory vCards.
 *
 * <p>Renames may form chains (a→b while b→c): every name first moves to a placeholder, then to
 * its new value, so no step ever meets a name that is still in use.
 */
final class StoredAddresses {

    /** Columns holding bare JIDs (or full JIDs, in block lists) of users: table → column. */
    private static final List<String[]> JID_COLUMNS = List.of(
            new String[] {"roster_items", "contact"},
            new String[] {"blocklist", "blocked"},
            new String[] {"muc_affiliations", "jid"},
            new String[] {"muc_messages", "sender_jid"},
            new String[] {"presence_inputs", "jid"});
    private static final int MAX_STANZA_CHARS = 4_000_000;

    private final Connection c;
    private final AccountNames names;

    StoredAddresses(Connection c, AccountNames names) {
        this.c = c;
        this.names = names;
    }

    /** Applies {@code renames} (old account name → new account name). */
    void rename(Map<String, String> renames) throws SQLException {
        if (renames.isEmpty()) {
            return;
        }
        Map<String, String> jids = new HashMap<>();
        renames.forEach((from, to) -> jids.put(names.jid(from).toString(), names.jid(to).toString()));
        // Stanzas first, while their rows are still found under the old names.
        rewriteStanzas("SELECT id, stanza FROM offline_messages", "UPDATE offline_messages SET stanza = ? WHERE id = ?",
                jids);
        rewriteStanzas("SELECT username, contact, pending_in_stanza FROM roster_items WHERE pending_in_stanza IS NOT NULL",
                "UPDATE roster_items SET pending_in_stanza = ? WHERE username = ? AND contact = ?", jids);
        List<String[]> userColumns = referencesToUsers();
        String userColumnList = String.join(", ", columns("users"));
        Map<String, String> toPlaceholder = new LinkedHashMap<>();
        Map<String, String> fromPlaceholder = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, String> r : renames.entrySet()) {
            String placeholder = "~migrating~" + n++;
            toPlaceholder.put(r.getKey(), placeholder);
            fromPlaceholder.put(placeholder, r.getValue());
        }
        for (Map<String, String> step : List.of(toPlaceholder, fromPlaceholder)) {
            for (Map.Entry<String, String> r : step.entrySet()) {
                renameUser(r.getKey(), r.getValue(), userColumns, userColumnList);
                renameJid(jidOf(r.getKey()), jidOf(r.getValue()));
            }
        }
        for (Map.Entry<String, String> r : renames.entrySet()) {
            update("UPDATE vcards SET vcard = REPLACE(vcard, ?, ?) WHERE username = ?",
                    "<JABBERID>" + names.jid(r.getKey()) + "</JABBERID>",
                    "<JABBERID>" + names.jid(r.getValue()) + "</JABBERID>", r.getValue());
        }
    }

    /** A placeholder stands for itself in JID columns; an account name for its bare JID. */
    private String jidOf(String name) {
        return name.startsWith("~migrating~") ? name : names.jid(name).toString();
    }

    private void renameUser(String from, String to, List<String[]> userColumns, String userColumnList)
            throws SQLException {
        // The key is copied rather than updated: the referencing foreign keys do not cascade updates.
        String select = userColumnList.replaceFirst("\\busername\\b", "?");
        update("INSERT INTO users (" + userColumnList + ") SELECT " + select + " FROM users WHERE username = ?", to, from);
        for (String[] ref : userColumns) {
            update("UPDATE " + ref[0] + " SET " + ref[1] + " = ? WHERE " + ref[1] + " = ?", to, from);
        }
        update("DELETE FROM users WHERE username = ?", from);
    }

    private void renameJid(String from, String to) throws SQLException {
        for (String[] col : JID_COLUMNS) {
            update("UPDATE " + col[0] + " SET " + col[1] + " = ? WHERE " + col[1] + " = ?", to, from);
        }
        // Full JIDs in block lists keep their resource.
        List<String[]> full = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT username, blocked FROM blocklist WHERE blocked LIKE ?")) {
            ps.setString(1, from.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    full.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        for (String[] row : full) {
            update("UPDATE blocklist SET blocked = ? WHERE username = ? AND blocked = ?",
                    to + row[1].substring(from.length()), row[0], row[1]);
        }
    }

    /** Rewrites the 'from' and 'to' of stored stanzas whose bare address is renamed; the last column is the stanza. */
    private void rewriteStanzas(String select, String update, Map<String, String> jids) throws SQLException {
        List<Object[]> changed = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(select); ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String xml = rs.getString(columns);
                String rewritten = rewritten(xml, jids);
                if (rewritten != null) {
                    Object[] params = new Object[columns];
                    params[0] = rewritten;
                    for (int i = 1; i < columns; i++) {
                        params[i] = rs.getObject(i);
                    }
                    changed.add(params);
                }
            }
        }
        for (Object[] params : changed) {
            update(update, params);
        }
    }

    /** The stanza with renamed addresses, or null when it names nobody renamed (or does not parse: left as it is). */
    private static String rewritten(String xml, Map<String, String> jids) {
        Element element;
        try {
            element = ElementParser.parse(xml, MAX_STANZA_CHARS);
        } catch (XmlStreamException e) {
            return null;
        }
        Element out = element;
        for (String attribute : List.of("from", "to")) {
            String value = out.attribute(attribute);
            String renamed = value == null ? null : renamedAddress(value, jids);
            if (renamed != null) {
                out = out.withAttribute(attribute, renamed);
            }
        }
        return out == element ? null : out.toXml();
    }

    private static String renamedAddress(String jid, Map<String, String> jids) {
        int slash = jid.indexOf('/');
        String bare = (slash < 0 ? jid : jid.substring(0, slash)).toLowerCase(Locale.ROOT);
        String to = jids.get(bare);
        return to == null ? null : to + (slash < 0 ? "" : jid.substring(slash));
    }

    /** (table, column) pairs whose foreign key references users(username). */
    private List<String[]> referencesToUsers() throws SQLException {
        List<String[]> out = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getExportedKeys(c.getCatalog(), c.getSchema(), "users")) {
            while (rs.next()) {
                out.add(new String[] {rs.getString("FKTABLE_NAME"), rs.getString("FKCOLUMN_NAME")});
            }
        }
        return out;
    }

    private List<String> columns(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), table, null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }

    private void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
