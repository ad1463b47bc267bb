package org.parley.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.server.admin.TokenScope;

/** {@link AdminAccess} through a running server's REST API ({@code openapi.yaml}). */
final class RemoteAdmin implements AdminAccess {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    // Creating a user derives SCRAM keys (PBKDF2) on a busy server: allow time.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    RemoteAdmin(URI base, String token) {
        this.base = base;
        this.token = token;
        this.client = newClient();
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** Whether a server answers at {@code base}; any HTTP answer counts, even 503 (it still holds the database). */
    static boolean answers(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            newClient().send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean addUser(String username, String password) {
        HttpResponse<String> r = send("POST", "/api/v1/users", Map.of("username", username, "password", password));
        return r.statusCode() == 201 || expectOr(r, 409);
    }

    @Override
    public boolean changePassword(String username, String password) {
        HttpResponse<String> r = send("PUT", "/api/v1/users/" + segment(username) + "/password", Map.of("password", password));
        return r.statusCode() == 204 || expectOr(r, 404);
    }

    @Override
    public boolean deleteUser(String username) {
        HttpResponse<String> r = send("DELETE", "/api/v1/users/" + segment(username), null);
        return r.statusCode() == 204 || expectOr(r, 404);
    }

    @Override
    public List<String> listUsers() {
        HttpResponse<String> r = send("GET", "/api/v1/users", null);
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        List<String> users = new ArrayList<>();
        parse(r).path("users").forEach(u -> users.add(u.asText()));
        return users;
    }

    @Override
    public Map<String, Object> syncDirectory() {
        HttpResponse<String> r = send("POST", "/api/v1/directory/sync", null);
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        Map<String, Object> report = new java.util.LinkedHashMap<>();
        parse(r).fields().forEachRemaining(e -> report.put(e.getKey(), e.getValue().asLong()));
        return report;
    }

    @Override
    public String createToken(String name, Set<TokenScope> scopes) {
        HttpResponse<String> r = send("POST", "/api/v1/tokens", Map.of("name", name,
                "scopes", scopes.stream().map(TokenScope::value).sorted().toList()));
        if (r.statusCode() != 201) {
            throw failure(r);
        }
        return parse(r).path("token").asText();
    }

    /** False when the status is the expected "no" answer; any other status is a failure. */
    private boolean expectOr(HttpResponse<String> r, int negative) {
        if (r.statusCode() == negative) {
            return false;
        }
        throw failure(r);
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure("the server at " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted", e);
        }
    }

    private CliFailure failure(HttpResponse<String> r) {
        String message = parse(r).path("error").asText("HTTP " + r.statusCode());
        if (r.statusCode() == 401) {
            return new CliFailure("the server at " + base + " refused the admin token: " + message);
        }
        return new CliFailure(message);
    }

    private JsonNode parse(HttpResponse<String> r) {
        try {
            return mapper.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw new CliFailure("the server at " + base + " answered " + r.statusCode() + " with something other than JSON");
        }
    }

    private static String segment(String username) {
        return URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        // HttpClient on Java 17 has no close(); its threads are daemons.
    }
}
