package org.parley.server.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.parley.server.storage.Jdbc;

/** Admin API tokens in table {@code admin_tokens}, by SHA-256 hash only. Blocking: call off event loops. */
public final class AdminTokenStore {

    private final Jdbc jdbc;

    public AdminTokenStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String tokenHash, String name, Instant createdAt, String scopes) {
        jdbc.update("INSERT INTO admin_tokens (token_hash, name, created_at, scopes) VALUES (?, ?, ?, ?)",
                tokenHash, name, Timestamp.from(createdAt), scopes);
    }

    public boolean contains(String tokenHash) {
        return scopes(tokenHash).isPresent();
    }

    /** The stored scopes of a token (space-separated), or empty when no such token exists. */
    public Optional<String> scopes(String tokenHash) {
        return jdbc.queryOne("SELECT scopes FROM admin_tokens WHERE token_hash = ?", rs -> rs.getString(1), tokenHash);
    }
}
