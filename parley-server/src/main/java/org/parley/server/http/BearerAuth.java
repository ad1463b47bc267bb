package org.parley.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.parley.server.admin.AdminTokens;

/**
 * Requires {@code Authorization: Bearer <token>} with a token from {@link AdminTokens}
 * (RFC 6750). The token lookup is a short indexed query; Jetty's request threads are not event
 * loops, so it runs in place.
 */
final class BearerAuth implements Handler {

    private static final String PREFIX = "Bearer ";

    private final AdminTokens tokens;

    BearerAuth(AdminTokens tokens) {
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
        if (!tokens.isValid(header.substring(PREFIX.length()).strip())) {
            throw new HttpResponseException(401, "The bearer token is not valid");
        }
    }
}
