package org.parley.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.parley.server.ParleyCore;
import org.parley.server.admin.AdminTokenStore;
import org.parley.server.admin.AdminTokens;
import org.parley.server.ServerModules;
import org.parley.server.core.Module;
import org.parley.server.directory.LdapDirectory;
import org.parley.server.muc.MucModule;
import org.parley.server.richpresence.RichPresenceModule;
import org.parley.server.testing.CoreHarness;

/** A harnessed core with the real HTTP listener on a free loopback port, and a client for it. */
public final class AdminApiFixture implements AutoCloseable {

    public final CoreHarness harness;
    public final AdminTokens tokens;
    public final HttpListener listener;
    public final String token;
    public final RichPresenceModule rich;
    public final MucModule muc;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    public AdminApiFixture() {
        this(List.of(), null);
    }

    /** {@code overrides}: --set style configuration (e.g. a calendar source). */
    public AdminApiFixture(List<String> overrides) {
        this(overrides, null);
    }

    /** With every module of a node; {@code ldap}: an opened directory, or null for none. */
    public AdminApiFixture(List<String> overrides, LdapDirectory ldap) {
        this(overrides, ldap, java.time.Clock.systemUTC());
    }

    /** {@code tokenClock}: the listener's clock for how long it trusts a looked-up token. */
    public AdminApiFixture(List<String> overrides, LdapDirectory ldap, java.time.Clock tokenClock) {
        ServerModules modules = new ServerModules(ldap);
        rich = modules.richPresence();
        harness = CoreHarness.start(overrides, modules.all().toArray(Module[]::new));
        muc = modules.muc();
        ParleyCore core = harness.core();
        tokens = new AdminTokens(new AdminTokenStore(core.jdbc()), new SecureRandom(), core.clock());
        List<HttpRoutes> routes = new ArrayList<>(AdminApiRoutes.of(core, harness.accounts(), tokens, modules, ldap, mapper));
        routes.add(new StatsRoutes(() -> 7));
        listener = new HttpListener("127.0.0.1", 0, tokens, mapper, routes, tokenClock).start();
        token = tokens.create("test");
    }

    public URI uri(String path) {
        return listener.localAddress().resolve(path);
    }

    public HttpResponse<String> send(String method, String path, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
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

    public HttpResponse<String> send(String method, String path, String body) {
        return send(method, path, body, token);
    }

    public JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        listener.close();
        harness.close();
    }
}
