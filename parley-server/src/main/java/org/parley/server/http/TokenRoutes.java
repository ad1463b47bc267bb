package org.parley.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.parley.server.admin.AdminTokens;
import org.parley.server.admin.TokenScope;
import org.parley.server.storage.BlockingPool;

/**
 * {@code POST /api/v1/tokens}: issues another API token, with scopes (default admin). The CLI needs it because a running
 * server holds the embedded database file, so {@code parley token create} cannot write it directly.
 */
public final class TokenRoutes implements HttpRoutes {

    static final String TOKENS = "/api/v1/tokens";

    private final AdminTokens tokens;
    private final BlockingPool blocking;
    private final JsonBodies bodies;

    public TokenRoutes(AdminTokens tokens, BlockingPool blocking, ObjectMapper mapper) {
        this.tokens = tokens;
        this.blocking = blocking;
        this.bodies = new JsonBodies(mapper);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(TOKENS, this::create);
    }

    private void create(Context ctx) {
        JsonNode body = bodies.object(ctx);
        JsonNode name = body.get("name");
        if (name != null && !name.isTextual()) {
            throw new HttpResponseException(400, "Field 'name' must be a string");
        }
        String label = name == null ? "api" : name.asText();
        if (label.isBlank() || label.length() > 255) {
            throw new HttpResponseException(400, "Field 'name' must have 1 to 255 characters");
        }
        Set<TokenScope> scopes = scopes(body.get("scopes"));
        ctx.future(() -> blocking.supply(() -> tokens.create(label, scopes))
                .thenAccept(token -> ctx.status(201).json(Map.of("name", label, "token", token,
                        "scopes", scopes.stream().map(TokenScope::value).sorted().toList()))));
    }

    /** Field 'scopes': a non-empty array of scope names; absent means admin. */
    private static Set<TokenScope> scopes(JsonNode field) {
        if (field == null) {
            return Set.of(TokenScope.ADMIN);
        }
        if (!field.isArray() || field.isEmpty()) {
            throw new HttpResponseException(400, "Field 'scopes' must be a non-empty array of scope names");
        }
        Set<TokenScope> out = EnumSet.noneOf(TokenScope.class);
        for (JsonNode s : field) {
            out.add(TokenScope.parse(s.asText()).orElseThrow(() -> new HttpResponseException(400,
                    "Unknown scope '" + s.asText() + "' (admin, presence:read, presence:write)")));
        }
        return out;
    }
}
