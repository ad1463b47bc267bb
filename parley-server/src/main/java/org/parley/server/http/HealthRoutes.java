package org.parley.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.parley.server.version.ParleyVersion;
import org.parley.server.storage.BlockingPool;
import org.parley.server.storage.Jdbc;

/**
 * {@code GET /health}, without authentication, for load balancers and the CLI: 200 when the
 * database answers, 503 when it does not. The probe runs on the blocking pool with a deadline so
 * a hung database cannot hold the request.
 */
public final class HealthRoutes implements HttpRoutes {

    public static final String PATH = "/health";
    private static final long PROBE_SECONDS = 5;

    private final Jdbc jdbc;
    private final BlockingPool blocking;

    public HealthRoutes(Jdbc jdbc, BlockingPool blocking) {
        this.jdbc = jdbc;
        this.blocking = blocking;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::health);
    }

    private void health(Context ctx) {
        ctx.future(() -> blocking.supply(() -> jdbc.queryOne("SELECT 1", rs -> 1).isPresent())
                .orTimeout(PROBE_SECONDS, TimeUnit.SECONDS)
                .handle((ok, failure) -> {
                    boolean up = failure == null && Boolean.TRUE.equals(ok);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", up ? "up" : "down");
                    body.put("database", up ? "up" : "down");
                    body.put("version", ParleyVersion.ofThisBuild().version());
                    ctx.status(up ? 200 : 503).json(body);
                    return null;
                }));
    }
}
