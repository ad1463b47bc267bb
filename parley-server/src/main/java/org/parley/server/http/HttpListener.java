package org.parley.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.parley.server.admin.AdminTokens;

/**
 * The node's HTTP listener (Javalin on Jetty): health, the admin REST API and, later, the other
 * HTTP faces. Everything under {@code /api/v1/} requires an admin bearer token; every error is
 * JSON ({@link ApiErrors}). Binds to loopback by default ({@code http.bind}).
 */
public final class HttpListener implements AutoCloseable {

    private static final Set<HandlerType> METHODS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.DELETE, HandlerType.PATCH);

    private final String bind;
    private final Javalin app;

    /** {@code port} 0 picks a free port; read it back with {@link #port()} after {@link #start()}. */
    public HttpListener(String bind, int port, AdminTokens tokens, ObjectMapper mapper, List<HttpRoutes> routes) {
        this(bind, port, tokens, mapper, routes, java.time.Clock.systemUTC());
    }

    /** {@code clock}: how long looked-up tokens are trusted is measured on it (tests move it). */
    public HttpListener(String bind, int port, AdminTokens tokens, ObjectMapper mapper, List<HttpRoutes> routes,
                        java.time.Clock clock) {
        CachedTokenScopes scopes = new CachedTokenScopes(tokens::scopes, CachedTokenScopes.TTL, clock);
        this.bind = bind;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = bind;
            config.jetty.port = port;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.routes.before("/api/v1/*", new BearerAuth(scopes));
            ApiErrors.register(config.routes);
            for (HttpRoutes r : routes) {
                r.addTo(config.routes);
            }
        });
    }

    public HttpListener start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The base address a local client (the CLI) uses: the bound host, or loopback for a wildcard bind. */
    public URI localAddress() {
        String host = bind.equals("0.0.0.0") || bind.equals("::") || bind.isBlank() ? "127.0.0.1" : bind;
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    /** The registered endpoints as "METHOD /path" (route templates), for checking against the contract. */
    public List<String> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> METHODS.contains(e.method))
                .map(e -> e.method.name() + " " + e.path)
                .sorted()
                .toList();
    }

    @Override
    public void close() {
        app.stop();
    }
}
