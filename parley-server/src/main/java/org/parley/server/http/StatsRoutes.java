package org.parley.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * {@code GET /api/v1/stats/memory}: the JVM's heap and direct-buffer use and the open client
 * connections, so a benchmark can divide live memory by sessions (issue 3). With {@code ?gc=true}
 * a full collection runs first, making {@code heapUsedBytes} the live heap; it is never triggered
 * otherwise, since a full GC pauses the node (and it needs an admin token, like all of /api/v1).
 */
public final class StatsRoutes implements HttpRoutes {

    static final String MEMORY = "/api/v1/stats/memory";

    private final IntSupplier connections;

    /** @param connections open c2s connections, whatever their state */
    public StatsRoutes(IntSupplier connections) {
        this.connections = connections;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(MEMORY, this::memory);
    }

    private void memory(Context ctx) {
        boolean gc = Boolean.parseBoolean(ctx.queryParam("gc"));
        if (gc) {
            System.gc(); // a full, stop-the-world collection with Serial/Parallel/G1 unless -XX:+DisableExplicitGC
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("gc", gc);
        body.put("heapUsedBytes", memory.getHeapMemoryUsage().getUsed());
        body.put("heapCommittedBytes", memory.getHeapMemoryUsage().getCommitted());
        body.put("nonHeapUsedBytes", memory.getNonHeapMemoryUsage().getUsed());
        long direct = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                direct = pool.getMemoryUsed();
            }
        }
        body.put("directBufferBytes", direct);
        body.put("c2sConnections", connections.getAsInt());
        ctx.json(body);
    }
}
