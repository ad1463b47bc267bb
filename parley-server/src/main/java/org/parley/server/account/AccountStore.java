package org.parley.server.account;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.server.auth.ScramCredentials;
import org.parley.server.auth.ScramHash;
import org.parley.server.storage.Jdbc;

/** Accounts and their SCRAM credentials in the database. Blocking: call from the blocking pool. */
public final class AccountStore {

    private final Jdbc jdbc;

    public AccountStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the account with its credentials; false when the name is taken. */
    public boolean create(String username, List<ScramCredentials> credentials, Instant now) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
                exists.setString(1, username);
                if (exists.executeQuery().next()) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (username, enabled, created_at) VALUES (?, TRUE, ?)")) {
                ps.setString(1, username);
                ps.setTimestamp(2, Timestamp.from(now));
                ps.executeUpdate();
            }
            insertCredentials(c, username, credentials);
            return true;
        });
    }

    /** Replaces the credentials; false when there is no such account. */
    public boolean replaceCredentials(String username, List<ScramCredentials> credentials) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM scram_credentials WHERE username = ?")) {
                del.setString(1, username);
                del.executeUpdate();
            }
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM users WHERE username = ?")) {
                exists.setString(1, username);
                if (!exists.executeQuery().next()) {
                    return false;
                }
            }
            insertCredentials(c, username, credentials);
            return true;
        });
    }

    private static void insertCredentials(java.sql.Connection c, String username, List<ScramCredentials> credentials)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scram_credentials "
                + "(username, mechanism, salt, iterations, stored_key, server_key) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ScramCredentials cred : credentials) {
                Jdbc.bind(ps, username, cred.hash().name(), cred.salt(), cred.iterations(),
                        cred.storedKey(), cred.serverKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Deletes the account and, by cascade, everything stored for it; false when absent. */
    public boolean delete(String username) {
        return jdbc.update("DELETE FROM users WHERE username = ?", username) > 0;
    }

    public boolean exists(String username) {
        return jdbc.queryOne("SELECT 1 FROM users WHERE username = ? AND enabled", rs -> 1, username).isPresent();
    }

    public List<String> list() {
        return jdbc.query("SELECT username FROM users ORDER BY username", rs -> rs.getString(1));
    }

    public Optional<ScramCredentials> credentials(String username, ScramHash hash) {
        return jdbc.queryOne("SELECT c.salt, c.iterations, c.stored_key, c.server_key FROM scram_credentials c "
                        + "JOIN users u ON u.username = c.username WHERE c.username = ? AND c.mechanism = ? AND u.enabled",
                rs -> new ScramCredentials(hash, rs.getBytes(1), rs.getInt(2), rs.getBytes(3), rs.getBytes(4)),
                username, hash.name());
    }

    /** Probes the database, for health checks. */
    public void ping() {
        jdbc.queryOne("SELECT 1", rs -> 1);
    }
}
