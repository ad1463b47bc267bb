package org.parley.server.admin;

import java.sql.Timestamp;
import java.time.Instant;
import org.parley.server.storage.Jdbc;

/** Admin API tokens in table {@code admin_tokens}, by SHA-256 hash only. Blocking: call off event loops. */
public final class AdminTokenStore {

    private final Jdbc jdbc;

    public AdminTokenStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String tokenHash, String name, Instant createdAt) {
        jdbc.update("INSERT INTO admin_tokens (token_hash, name, created_at) VALUES (?, ?, ?)",
                tokenHash, name, Timestamp.from(createdAt));
    }

    public boolean contains(String tokenHash) {
        return jdbc.queryOne("SELECT 1 FROM admin_tokens WHERE token_hash = ?", rs -> 1, tokenHash).isPresent();
    }
}
