package org.parley.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.Map;
import org.jxmpp.jid.DomainBareJid;
import org.parley.server.domain.DomainService;

/**
 * {@code /api/v1/domains}: the served IM domains (default, managed, system-managed) and
 * adding/removing managed ones while the server runs.
 */
public final class DomainRoutes implements HttpRoutes {

    static final String DOMAINS = "/api/v1/domains";
    static final String DOMAIN = DOMAINS + "/{name}";

    private final DomainService domains;
    private final JsonBodies bodies;

    public DomainRoutes(DomainService domains, ObjectMapper mapper) {
        this.domains = domains;
        this.bodies = new JsonBodies(mapper);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(DOMAINS, this::list);
        routes.post(DOMAINS, this::add);
        routes.delete(DOMAIN, this::remove);
    }

    private void list(Context ctx) {
        ctx.json(Map.of("domains", domains.list().stream()
                .map(e -> Map.of("name", e.domain().toString(), "kind", e.kind().name().toLowerCase(Locale.ROOT)))
                .toList()));
    }

    private void add(Context ctx) {
        DomainBareJid domain = parse(JsonBodies.requiredText(bodies.object(ctx), "name"));
        ctx.future(() -> domains.add(domain).thenAccept(outcome -> {
            if (outcome.status() != DomainService.Status.DONE) {
                throw new HttpResponseException(409, outcome.message());
            }
            ctx.status(201).header("Location", DOMAINS + "/" + domain).json(Map.of("name", domain.toString()));
        }));
    }

    private void remove(Context ctx) {
        DomainBareJid domain = parse(ctx.pathParam("name"));
        ctx.future(() -> domains.remove(domain).thenAccept(outcome -> {
            switch (outcome.status()) {
                case DONE -> ctx.status(204);
                case NOT_FOUND -> throw new HttpResponseException(404, outcome.message());
                default -> throw new HttpResponseException(409, outcome.message());
            }
        }));
    }

    private static DomainBareJid parse(String name) {
        try {
            return DomainService.parse(name);
        } catch (IllegalArgumentException e) {
            throw new HttpResponseException(400, e.getMessage());
        }
    }
}
