package org.parley.server.testing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.ParleyCore;
import org.parley.server.account.Accounts;
import org.parley.server.core.event.UserDeleted;

/**
 * TEMPORARY until the SCRAM account service lands: rows in the users table without credentials,
 * enough for module tests that never sign in with a password. Replaced by the real service.
 */
final class SqlOnlyAccounts implements Accounts {

    private final ParleyCore core;

    SqlOnlyAccounts(ParleyCore core) {
        this.core = core;
    }

    @Override
    public CompletableFuture<Boolean> exists(String username) {
        return core.blocking().supply(() -> core.jdbc()
                .queryOne("SELECT 1 FROM users WHERE username = ?", rs -> 1, username).isPresent());
    }

    @Override
    public CompletableFuture<Boolean> create(String username, String password) {
        return core.blocking().supply(() -> core.jdbc().update(
                "INSERT INTO users (username, enabled, created_at) VALUES (?, TRUE, ?)",
                username, Timestamp.from(Instant.now())) > 0);
    }

    @Override
    public CompletableFuture<Boolean> changePassword(String username, String password) {
        return exists(username);
    }

    @Override
    public CompletableFuture<Boolean> delete(String username) {
        return core.blocking().supply(() -> {
            boolean deleted = core.jdbc().update("DELETE FROM users WHERE username = ?", username) > 0;
            if (deleted) {
                core.events().publish(new UserDeleted(JidCreate.entityBareFrom(username + "@" + core.domain())));
            }
            return deleted;
        });
    }

    @Override
    public CompletableFuture<List<String>> list() {
        return core.blocking().supply(() -> core.jdbc().query("SELECT username FROM users ORDER BY username",
                rs -> rs.getString(1)));
    }
}
