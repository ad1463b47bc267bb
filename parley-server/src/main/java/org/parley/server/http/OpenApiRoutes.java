package org.parley.server.http;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the API contract, {@code openapi.yaml}, at a fixed path (the contract is written first). */
public final class OpenApiRoutes implements HttpRoutes {

    public static final String PATH = "/api/v1/openapi.yaml";

    private final byte[] document;

    public OpenApiRoutes() {
        this.document = load();
    }

    static byte[] load() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.contentType("application/yaml").result(document));
    }
}
