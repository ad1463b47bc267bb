package org.parley.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.Set;
import org.parley.server.admin.TokenScope;

/**
 * Requires {@code Authorization: Bearer <token>} with a token from {@code AdminTokens}
 * (RFC 6750) whose scopes allow the request: 401 without a known token, 403 without the scope.
 * The token lookup is a short indexed query, remembered for {@link CachedTokenScopes#TTL}
 * (revocation bites within that); Jetty's request threads are not event loops, so a lookup runs
 * in place.
 */
final class BearerAuth implements Handler {

    private static final String PREFIX = "Bearer ";

    private final CachedTokenScopes tokens;

    BearerAuth(CachedTokenScopes tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(Context ctx) {
        if (OpenApiRoutes.PATH.equals(ctx.path())) {
            return; // the contract is documentation, not data
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new HttpResponseException(401, "A bearer token is required (Authorization: Bearer <token>)");
        }
        Set<TokenScope> scopes = tokens.scopes(header.substring(PREFIX.length()).strip())
                .orElseThrow(() -> new HttpResponseException(401, "The bearer token is not valid"));
        TokenScope required = required(ctx);
        if (!TokenScope.allows(scopes, required)) {
            throw new HttpResponseException(403, "This token lacks the " + required.value() + " scope");
        }
    }

    /** The Presence Web Service needs a presence scope (read for GET, write otherwise); everything else admin. */
    static TokenScope required(Context ctx) {
        if (ctx.path().startsWith(PresenceRoutes.PRESENCE + "/") || ctx.path().equals(PresenceRoutes.PRESENCE)) {
            return ctx.method() == HandlerType.GET ? TokenScope.PRESENCE_READ : TokenScope.PRESENCE_WRITE;
        }
        return TokenScope.ADMIN;
    }
}
