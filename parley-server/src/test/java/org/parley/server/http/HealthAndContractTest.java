package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HealthAndContractTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private AdminApiFixture api;

    @BeforeEach
    void start() {
        api = new AdminApiFixture();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void healthIsUpWithoutATokenWhileTheDatabaseAnswers() {
        HttpResponse<String> r = api.send("GET", "/health", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = api.json(r);
        assertThat(body.get("status").asText()).isEqualTo("up");
        assertThat(body.get("database").asText()).isEqualTo("up");
        assertThat(body.get("version").asText()).isNotBlank();
    }

    @Test
    void healthIsDownWhenTheDatabaseIsGone() {
        api.harness.core().database().close();
        HttpResponse<String> r = api.send("GET", "/health", null, null);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(api.json(r).get("status").asText()).isEqualTo("down");
        // Requests that need the database get a JSON 503, not a stack trace.
        HttpResponse<String> users = api.send("GET", "/api/v1/users", null);
        assertThat(users.statusCode()).isEqualTo(503);
        assertThat(api.json(users).get("status").asInt()).isEqualTo(503);
    }

    @Test
    void openApiDocumentIsServedWithoutAToken() throws Exception {
        HttpResponse<String> r = api.send("GET", OpenApiRoutes.PATH, null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));
        assertThat(new ObjectMapper(new YAMLFactory()).readTree(r.body()).get("openapi").asText()).startsWith("3.");
    }

    /** The contract is written first: every route is documented, and nothing documented is missing. */
    @Test
    void everyRegisteredRouteIsInTheContractAndViceVersa() throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(OpenApiRoutes.load()).get("paths");
        List<String> documented = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                documented.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(api.listener.endpoints()).containsExactlyInAnyOrderElementsOf(documented);
    }
}
