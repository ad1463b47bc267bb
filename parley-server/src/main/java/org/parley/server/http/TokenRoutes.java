package org.parley.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.parley.server.admin.AdminTokens;
import org.parley.server.storage.BlockingPool;

/**
 * {@code POST /api/v1/tokens}: issues another admin token. The CLI needs it because a running
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
        JsonNode name = bodies.object(ctx).get("name");
        if (name != null && !name.isTextual()) {
            throw new HttpResponseException(400, "Field 'name' must be a string");
        }
        String label = name == null ? "api" : name.asText();
        if (label.isBlank() || label.length() > 255) {
            throw new HttpResponseException(400, "Field 'name' must have 1 to 255 characters");
        }
        ctx.future(() -> blocking.supply(() -> tokens.create(label))
                .thenAccept(token -> ctx.status(201).json(Map.of("name", label, "token", token))));
    }
}
