package org.parley.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import org.parley.server.ParleyCore;
import org.parley.server.ServerModules;
import org.parley.server.account.Accounts;
import org.parley.server.admin.AdminTokenStore;
import org.parley.server.admin.AdminTokens;
import org.parley.server.http.AdminApiRoutes;
import org.parley.server.http.HttpListener;

/** The admin HTTP listener of a {@link TestServer} on a free loopback port, an admin token, and a client. */
public final class AdminHttp implements AutoCloseable {

    private final HttpListener listener;
    private final AdminTokens tokens;
    private final String token;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    private AdminHttp(HttpListener listener, AdminTokens tokens, String token) {
        this.listener = listener;
        this.tokens = tokens;
        this.token = token;
    }

    static AdminHttp start(ParleyCore core, Accounts accounts, ServerModules modules) {
        ObjectMapper mapper = new ObjectMapper();
        AdminTokens tokens = new AdminTokens(new AdminTokenStore(core.jdbc()), new SecureRandom(), core.clock());
        HttpListener listener = new HttpListener("127.0.0.1", 0, tokens, mapper,
                AdminApiRoutes.of(core, accounts, tokens, modules, null, mapper)).start();
        return new AdminHttp(listener, tokens, tokens.create("test"));
    }

    public AdminTokens tokens() {
        return tokens;
    }

    /** An admin token (every scope). */
    public String token() {
        return token;
    }

    public HttpClient client() {
        return client;
    }

    public URI uri(String path) {
        return listener.localAddress().resolve(path);
    }

    /** Sends a request with the admin token; {@code body} (JSON) may be null. */
    public HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #send} but fails unless the answer is 2xx; returns the JSON body (null when empty). */
    public JsonNode ok(String method, String path, String body) {
        HttpResponse<String> r = send(method, path, body);
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return r.body().isEmpty() ? null : mapper.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    @Override
    public void close() {
        listener.close();
    }
}
