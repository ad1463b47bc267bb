package org.parley.server.http;

import io.javalin.config.RoutesConfig;

/**
 * A group of endpoints served by the {@link HttpListener}: the user API now; rooms, presence and
 * the console later. Every route added here must be described in {@code openapi.yaml}.
 */
@FunctionalInterface
public interface HttpRoutes {

    void addTo(RoutesConfig routes);
}
