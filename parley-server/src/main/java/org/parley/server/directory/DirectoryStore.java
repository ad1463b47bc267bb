package org.parley.server.directory;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.parley.server.storage.Jdbc;

/**
 * The directory's view of the users table (V30): directory attributes, enable/disable, the
 * directory-made vCard, and shared group membership. Blocking: call from the blocking pool.
 * Users are never deleted here, so rosters, offline messages and everything else stored for
 * them survive a deactivation and come back with a reactivation.
 */
public final class DirectoryStore {

    private static final String COLUMNS =
            "username, enabled, source, directory_dn, display_name, email, phone, department, directory_uri, "
                    + "directory_user_id";

    /** What {@link #upsert} did to one user. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final Jdbc jdbc;

    public DirectoryStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's row, or empty when there is none. */
    public Optional<UserRecord> user(String username) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM users WHERE username = ?", DirectoryStore::record, username);
    }

    /** Every user, sorted by username. */
    public List<UserRecord> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM users ORDER BY username", DirectoryStore::record);
    }

    /**
     * Creates or updates each user from the directory (enabled, source ldap) in one transaction,
     * with its vCard. A local account of the same name is adopted: it becomes a directory user.
     * Each is named by its account name under the address scheme ({@link DirectoryUser#account()}).
     */
    public List<Outcome> upsert(List<DirectoryUser> users, VCards vcards, Instant now) {
        return jdbc.inTransaction(c -> {
            List<Outcome> outcomes = new ArrayList<>(users.size());
            for (DirectoryUser u : users) {
                outcomes.add(upsert(c, u, vcards.of(u), now));
            }
            return outcomes;
        });
    }

    private static Outcome upsert(Connection c, DirectoryUser u, String vcard, Instant now) throws SQLException {
        UserRecord wanted = new UserRecord(u.account(), true, "ldap", normalizedDn(u.dn()), u.displayName(),
                u.email(), u.phone(), u.department(), u.directoryUri(), u.userId());
        UserRecord existing;
        String storedVcard;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + ", (SELECT vcard FROM vcards v WHERE v.username = u.username) FROM users u WHERE username = ?")) {
            ps.setString(1, u.account());
            try (ResultSet rs = ps.executeQuery()) {
                existing = rs.next() ? record(rs) : null;
                storedVcard = existing == null ? null : rs.getString(11);
            }
        }
        Outcome outcome;
        if (existing == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (" + COLUMNS + ", created_at) "
                    + "VALUES (?, TRUE, 'ldap', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Jdbc.bind(ps, wanted.username(), wanted.dn(), wanted.displayName(), wanted.email(), wanted.phone(),
                        wanted.department(), wanted.directoryUri(), wanted.directoryUserId(), Timestamp.from(now));
                ps.executeUpdate();
            }
            outcome = Outcome.CREATED;
        } else if (!existing.equals(wanted)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET enabled = TRUE, source = 'ldap', "
                    + "directory_dn = ?, display_name = ?, email = ?, phone = ?, department = ?, directory_uri = ?, "
                    + "directory_user_id = ? WHERE username = ?")) {
                Jdbc.bind(ps, wanted.dn(), wanted.displayName(), wanted.email(), wanted.phone(), wanted.department(),
                        wanted.directoryUri(), wanted.directoryUserId(), wanted.username());
                ps.executeUpdate();
            }
            outcome = Outcome.UPDATED;
        } else {
            outcome = Outcome.UNCHANGED;
        }
        if (!Objects.equals(storedVcard, vcard)) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM vcards WHERE username = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO vcards (username, vcard) VALUES (?, ?)")) {
                Jdbc.bind(del, u.account());
                del.executeUpdate();
                Jdbc.bind(ins, u.account(), vcard);
                ins.executeUpdate();
            }
            if (outcome == Outcome.UNCHANGED) {
                outcome = Outcome.UPDATED;
            }
        }
        return outcome;
    }

    /** Usernames of enabled directory users, for finding those the directory no longer lists. */
    public Set<String> enabledDirectoryUsers() {
        return new HashSet<>(jdbc.query("SELECT username FROM users WHERE source = 'ldap' AND enabled",
                rs -> rs.getString(1)));
    }

    /** Disables a user (sign-in refused); everything stored for them stays. */
    public boolean deactivate(String username) {
        return jdbc.update("UPDATE users SET enabled = FALSE WHERE username = ? AND enabled", username) > 0;
    }

    /** The enabled user whose directory entry is {@code dn}, if any. */
    public Optional<String> usernameByDn(String dn) {
        return jdbc.queryOne("SELECT username FROM users WHERE directory_dn = ? AND enabled", rs -> rs.getString(1),
                normalizedDn(dn));
    }

    public Set<String> sharedGroupMembers(String group) {
        return new HashSet<>(jdbc.query("SELECT username FROM shared_group_members WHERE group_name = ?",
                rs -> rs.getString(1), group));
    }

    /** Records who was linked into {@code group}: the next sync diffs against it. */
    public void replaceSharedGroupMembers(String group, Set<String> members) {
        jdbc.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM shared_group_members WHERE group_name = ?")) {
                Jdbc.bind(del, group);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO shared_group_members (group_name, username) VALUES (?, ?)")) {
                for (String m : members) {
                    Jdbc.bind(ins, group, m);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
    }

    /**
     * Enabled users whose username, display name, email or department contain the given
     * (case-insensitive) text; a null criterion matches everything. At most {@code limit}.
     */
    public List<UserRecord> search(String userId, String name, String email, String department, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM users WHERE enabled");
        List<Object> params = new ArrayList<>();
        like(sql, params, "username", userId);
        like(sql, params, "display_name", name);
        like(sql, params, "email", email);
        like(sql, params, "department", department);
        sql.append(" ORDER BY username LIMIT ").append(Math.max(0, limit));
        return jdbc.query(sql.toString(), DirectoryStore::record, params.toArray());
    }

    private static void like(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND LOWER(").append(column).append(") LIKE ? ESCAPE '\\'");
            String escaped = value.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            params.add("%" + escaped + "%");
        }
    }

    /** RFC 4514 normal form, so that DNs written differently (case, spaces) compare equal. */
    static String normalizedDn(String dn) {
        if (dn == null) {
            return null;
        }
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.toLowerCase(Locale.ROOT);
        }
    }

    private static UserRecord record(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
