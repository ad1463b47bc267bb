package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.admin.TokenScope;
import org.parley.server.testing.MutableClock;

/**
 * The listener remembers a looked-up token for {@link CachedTokenScopes#TTL}: a token removed
 * from the database, or given fewer scopes, stops working once that much time has passed on the
 * listener's clock (moved by the test); unknown tokens are never remembered.
 */
class TokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private AdminApiFixture api;

    @BeforeEach
    void start() {
        api = new AdminApiFixture(List.of(), null, clock);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aDeletedTokenIsRefusedOnceItsCacheTimeIsOver() {
        assertThat(api.send("GET", "/api/v1/users", null).statusCode()).isEqualTo(200);
        api.harness.core().jdbc().update("DELETE FROM admin_tokens");

        clock.advanceMillis(CachedTokenScopes.TTL.toMillis() - 1);
        assertThat(api.send("GET", "/api/v1/users", null).statusCode()).as("still within the cache time").isEqualTo(200);
        clock.advanceMillis(1);
        assertThat(api.send("GET", "/api/v1/users", null).statusCode()).isEqualTo(401);
        assertThat(api.send("GET", "/api/v1/users", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenLosingAScopeGets403OnceItsCacheTimeIsOver() {
        assertThat(api.send("GET", "/api/v1/users", null).statusCode()).isEqualTo(200);
        api.harness.core().jdbc().update("UPDATE admin_tokens SET scopes = ?", TokenScope.PRESENCE_READ.value());

        clock.advanceMillis(CachedTokenScopes.TTL.toMillis());
        assertThat(api.send("GET", "/api/v1/users", null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/v1/presence/nobody@localhost", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownTokenIsNotRememberedAsUnknown() {
        assertThat(api.send("GET", "/api/v1/users", null, "not-yet").statusCode()).isEqualTo(401);
        String created = api.tokens.create("late", Set.of(TokenScope.ADMIN));
        assertThat(api.send("GET", "/api/v1/users", null, created).statusCode()).isEqualTo(200);
    }
}
