package org.parley.server.richpresence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.richpresence.RichPresenceFixture.anyPresenceFrom;
import static org.parley.server.richpresence.RichPresenceFixture.jid;
import static org.parley.server.richpresence.RichPresenceFixture.shows;
import static org.parley.server.richpresence.RichPresenceFixture.signIn;
import static org.parley.server.richpresence.RichPresenceFixture.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.admin.TokenScope;
import org.parley.server.http.AdminApiFixture;
import org.parley.server.testing.TestSession;

/** The Presence Web Service over real HTTP, with bob (a real session) watching alice. */
class PresenceApiTest {

    private static final String A = "alice@localhost/desk";

    private AdminApiFixture api;
    private TestSession alice;
    private TestSession bob;

    @BeforeEach
    void start() {
        api = new AdminApiFixture();
        api.harness.createUser("alice");
        api.harness.createUser("bob");
        api.harness.createUser("carol");
        alice = signIn(api.harness, "alice", "desk", "<presence/>");
        bob = signIn(api.harness, "bob", "b", "<presence/>");
        subscribe(bob, alice);
        bob.expect(shows(A, null, null));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void phoneStateMakesTheUserBusyAndGetShowsEveryInput() {
        HttpResponse<String> r = api.send("PUT", "/api/v1/presence/alice@localhost/phone/1001", "{\"state\":\"busy\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(api.json(r).get("show").asText()).isEqualTo("dnd");
        assertThat(api.json(r).get("status").asText()).isEqualTo("On the phone");
        bob.expect(shows(A, "dnd", "On the phone"));

        JsonNode got = api.json(api.send("GET", "/api/v1/presence/alice@localhost", null));
        assertThat(got.get("jid").asText()).isEqualTo("alice@localhost");
        assertThat(got.get("show").asText()).isEqualTo("dnd");
        JsonNode sources = got.get("sources");
        assertThat(sources.get("devices").get(0).get("resource").asText()).isEqualTo("desk");
        assertThat(sources.get("devices").get(0).get("show").asText()).isEqualTo("available");
        assertThat(sources.get("phone").get("state").asText()).isEqualTo("busy");
        assertThat(sources.get("phone").get("lines").get("1001").asText()).isEqualTo("busy");
        assertThat(sources.get("manual").isNull()).isTrue();
        assertThat(sources.get("calendar").asText()).isEqualTo("free");

        assertThat(api.send("PUT", "/api/v1/presence/alice/phone/1001", "{\"state\":\"idle\"}").statusCode()).isEqualTo(200);
        bob.expect(shows(A, null, null));
    }

    @Test
    void manualPresenceIsSetAndClearedOverRest() {
        HttpResponse<String> r = api.send("PUT", "/api/v1/presence/alice@localhost/manual",
                "{\"show\":\"dnd\",\"status\":\"Deadline\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        bob.expect(shows(A, "dnd", "Deadline"));
        assertThat(api.json(r).get("sources").get("manual").get("show").asText()).isEqualTo("dnd");
        assertThat(api.send("DELETE", "/api/v1/presence/alice@localhost/manual", null).statusCode()).isEqualTo(200);
        bob.expect(shows(A, null, null));
    }

    @Test
    void aThirdPartyApplicationPushesAndClears() {
        assertThat(api.send("PUT", "/api/v1/presence/alice@localhost/apps/zoom",
                "{\"show\":\"dnd\",\"status\":\"In a call\"}").statusCode()).isEqualTo(200);
        bob.expect(shows(A, "dnd", "In a call"));
        JsonNode got = api.json(api.send("GET", "/api/v1/presence/alice@localhost", null));
        assertThat(got.get("sources").get("apps").get("zoom").get("status").asText()).isEqualTo("In a call");
        assertThat(api.send("DELETE", "/api/v1/presence/alice@localhost/apps/zoom", null).statusCode()).isEqualTo(200);
        bob.expect(shows(A, null, null));
    }

    @Test
    void anOfflineUserIsUnavailableWithThePhoneStatus() {
        api.send("PUT", "/api/v1/presence/carol@localhost/phone/2000", "{\"state\":\"busy\"}");
        JsonNode got = api.json(api.send("GET", "/api/v1/presence/carol@localhost", null));
        assertThat(got.get("show").asText()).isEqualTo("unavailable");
        assertThat(got.get("status").asText()).isEqualTo("On the phone");
        assertThat(got.get("sources").get("devices")).isEmpty();
    }

    @Test
    void theStreamSeesEveryComposedChangeAndNothingElse() throws Exception {
        String reader = api.tokens.create("dashboard", Set.of(TokenScope.PRESENCE_READ));
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/presence/stream?jid=alice@localhost&jid=carol"))
                .header("Authorization", "Bearer " + reader).GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> stream = response.get(10, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread readerThread = new Thread(() -> stream.body().filter(l -> l.startsWith("data:"))
                .forEach(l -> data.add(l.substring(5).trim())));
        readerThread.setDaemon(true);
        readerThread.start();

        assertThat(json(next(data)).get("show").asText()).isEqualTo("available");
        assertThat(json(next(data)).get("jid").asText()).isEqualTo("carol@localhost");

        api.send("PUT", "/api/v1/presence/alice@localhost/phone/1001", "{\"state\":\"busy\"}");
        JsonNode busy = json(next(data));
        assertThat(busy.get("jid").asText()).isEqualTo("alice@localhost");
        assertThat(busy.get("show").asText()).isEqualTo("dnd");
        assertThat(busy.get("status").asText()).isEqualTo("On the phone");
        bob.expect(shows(A, "dnd", "On the phone"));

        // No composed change, no event: a second busy line, a ringing one.
        api.send("PUT", "/api/v1/presence/alice@localhost/phone/1002", "{\"state\":\"busy\"}");
        api.send("PUT", "/api/v1/presence/alice@localhost/phone/1003", "{\"state\":\"ringing\"}");
        alice.send("<presence><show>away</show></presence>");
        bob.expectNothing(anyPresenceFrom("alice@localhost"), Duration.ofMillis(300));
        assertThat(data.poll(200, TimeUnit.MILLISECONDS)).isNull();

        alice.disconnect();
        JsonNode gone = json(next(data));
        assertThat(gone.get("show").asText()).isEqualTo("unavailable");
        assertThat(gone.get("status").asText()).isEqualTo("On the phone");
        stream.body().close();
    }

    @Test
    void badRequestsGetTheirStatusAndChangeNothing() {
        String path = "/api/v1/presence/alice@localhost/phone/1001";
        assertError(api.send("PUT", path, "{\"state\":\"busy\"}", null), 401);
        assertError(api.send("PUT", path, "{\"state\":\"busy\"}", "not-a-token"), 401);
        String reader = api.tokens.create("reader", Set.of(TokenScope.PRESENCE_READ));
        String writer = api.tokens.create("writer", Set.of(TokenScope.PRESENCE_WRITE));
        assertError(api.send("PUT", path, "{\"state\":\"busy\"}", reader), 403);
        assertError(api.send("GET", "/api/v1/presence/alice@localhost", null, writer), 403);
        assertError(api.send("GET", "/api/v1/users", null, reader), 403);
        assertError(api.send("PUT", path, "{\"state\":", writer), 400);
        assertError(api.send("PUT", path, "{\"state\":\"off-hook\"}", writer), 400);
        assertError(api.send("PUT", path, "{}", writer), 400);
        assertError(api.send("PUT", "/api/v1/presence/alice@localhost/manual", "{\"show\":\"xa\"}", writer), 400);
        assertError(api.send("PUT", "/api/v1/presence/alice@localhost/apps/x", "{\"show\":\"sleeping\"}", writer), 400);
        assertError(api.send("PUT", "/api/v1/presence/nobody@localhost/phone/1", "{\"state\":\"busy\"}", writer), 404);
        assertError(api.send("GET", "/api/v1/presence/nobody@localhost", null, reader), 404);
        assertError(api.send("GET", "/api/v1/presence/alice@elsewhere.example", null, reader), 404);
        assertError(api.send("GET", "/api/v1/presence/stream", null, reader), 400);
        assertError(api.send("GET", "/api/v1/presence/stream?jid=nobody@localhost", null, reader), 404);

        assertThat(api.rich.service().inputs(jid("alice"))).isEqualTo(UserInputs.NONE);
        bob.expectNothing(anyPresenceFrom("alice@localhost"), Duration.ofMillis(200));
        assertThat(api.send("PUT", path, "{\"state\":\"busy\"}", writer).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", "/api/v1/presence/alice@localhost", null, reader).statusCode()).isEqualTo(200);
    }

    private void assertError(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = api.json(r);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isNotBlank();
    }

    private static String next(BlockingQueue<String> q) throws InterruptedException {
        String s = q.poll(5, TimeUnit.SECONDS);
        assertThat(s).as("an SSE event within 5 s").isNotNull();
        return s;
    }

    private static JsonNode json(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError(s, e);
        }
    }
}
