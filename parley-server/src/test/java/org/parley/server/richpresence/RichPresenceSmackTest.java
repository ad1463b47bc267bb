package org.parley.server.richpresence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.ServerModules;
import org.parley.server.richpresence.calendar.CalendarState;
import org.parley.server.testing.AdminHttp;
import org.parley.server.testing.MutableClock;
import org.parley.server.testing.TestServer;

/**
 * Rich presence end to end: real Smack clients on the c2s port and real HTTP calls to the
 * Presence Web Service of the same running server. bob (Smack) is subscribed to alice and
 * checks what alice's contacts see.
 */
class RichPresenceSmackTest {

    private static final String DESK = "alice@localhost/desk";
    private static final String PHONE = "alice@localhost/phone";

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private TestServer server;
    private AdminHttp api;
    private ServerModules modules;

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private void start(java.time.Clock calendarClock, String... overrides) {
        modules = new ServerModules(null, calendarClock);
        TestServer.Builder b = TestServer.builder().node(modules);
        for (String o : overrides) {
            b.set(o);
        }
        server = b.start();
        toClose.add(server);
        api = server.http();
        server.createUser("alice");
        server.createUser("bob");
    }

    private XMPPTCPConnection online(String user, String resource, Presence.Mode mode) throws Exception {
        XMPPTCPConnection c = server.signIn(user, resource);
        // Every device approves subscription requests: the request reaches all of them (RFC 6121 §3.1.3).
        Roster.getInstanceFor(c).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        c.sendStanza(presence(c, mode, null).build());
        return c;
    }

    /** bob signs in and subscribes to alice, whose client approves. */
    private SmackWatcher bobWatching(XMPPTCPConnection alice) throws Exception {
        XMPPTCPConnection bob = online("bob", "b", Presence.Mode.available);
        SmackWatcher watcher = new SmackWatcher(bob);
        watcher.subscribeTo(alice);
        return watcher;
    }

    private static PresenceBuilder presence(XMPPTCPConnection c, Presence.Mode mode, String status) {
        PresenceBuilder b = c.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).setMode(mode);
        return status == null ? b : b.setStatus(status);
    }

    /** Manual presence through the Parley marker on the client's own presence. */
    private static void setManual(XMPPTCPConnection c, Presence.Mode mode, String status) throws Exception {
        c.sendStanza(presence(c, mode, status).addExtension(marker(null)).build());
    }

    private static void clearManual(XMPPTCPConnection c) throws Exception {
        c.sendStanza(presence(c, Presence.Mode.available, null).addExtension(marker("clear")).build());
    }

    private static StandardExtensionElement marker(String action) {
        StandardExtensionElement.Builder b = StandardExtensionElement.builder("manual", "urn:parley:presence:manual:0");
        return action == null ? b.build() : b.addAttribute("action", action).build();
    }

    @Test
    void theMoreAvailableDeviceWins() throws Exception {
        start(null);
        XMPPTCPConnection phone = online("alice", "phone", Presence.Mode.away);
        XMPPTCPConnection desk = online("alice", "desk", Presence.Mode.available);
        SmackWatcher bob = bobWatching(desk);
        // Each resource is shown, each carrying the composed show: the desk is more available.
        bob.awaitShows(DESK, null, null);
        bob.awaitShows(PHONE, null, null);

        desk.sendStanza(presence(desk, Presence.Mode.xa, null).build());
        bob.awaitShows(DESK, "away", null);
        bob.awaitShows(PHONE, "away", null);

        phone.disconnect();
        bob.awaitGone(PHONE);
        bob.awaitShows(DESK, "xa", null);
    }

    @Test
    void manualDndOverridesAnAvailableDeviceUntilTheUserClearsOrReplacesIt() throws Exception {
        start(null);
        XMPPTCPConnection desk = online("alice", "desk", Presence.Mode.available);
        SmackWatcher bob = bobWatching(desk);
        bob.awaitShows(DESK, null, null);

        setManual(desk, Presence.Mode.dnd, "Writing");
        bob.awaitShows(DESK, "dnd", "Writing");
        clearManual(desk);
        bob.awaitShows(DESK, null, null);

        // Set over REST, replaced from the client, then cleared over REST.
        api.ok("PUT", "/api/v1/presence/alice@localhost/manual", "{\"show\":\"dnd\",\"status\":\"Deadline\"}");
        bob.awaitShows(DESK, "dnd", "Deadline");
        setManual(desk, Presence.Mode.away, "Lunch");
        bob.awaitShows(DESK, "away", "Lunch");
        // The device itself becomes available again: the manual status still holds until cleared.
        desk.sendStanza(presence(desk, Presence.Mode.available, null).build());
        assertThat(api.ok("GET", "/api/v1/presence/alice@localhost", null).get("show").asText()).isEqualTo("away");
        api.ok("DELETE", "/api/v1/presence/alice@localhost/manual", null);
        bob.awaitShows(DESK, null, null);
    }

    @Test
    void manualDndIsClearedWhenTheClientThatSetItSignsOut() throws Exception {
        start(null);
        XMPPTCPConnection phone = online("alice", "phone", Presence.Mode.available);
        XMPPTCPConnection desk = online("alice", "desk", Presence.Mode.available);
        SmackWatcher bob = bobWatching(phone);
        bob.awaitShows(PHONE, null, null);

        setManual(desk, Presence.Mode.dnd, "Writing");
        bob.awaitShows(PHONE, "dnd", "Writing");
        desk.disconnect();
        bob.awaitGone(DESK);
        bob.awaitShows(PHONE, null, null);
        assertThat(api.ok("GET", "/api/v1/presence/alice@localhost", null).get("sources").get("manual").isNull()).isTrue();
    }

    @Test
    void manualDndIsClearedWhenNoDeviceIsLeft() throws Exception {
        start(null);
        XMPPTCPConnection phone = online("alice", "phone", Presence.Mode.available);
        SmackWatcher bob = bobWatching(phone);
        bob.awaitShows(PHONE, null, null);

        // Set over REST: no client set it, so only rules 1 and 3 can clear it.
        api.ok("PUT", "/api/v1/presence/alice@localhost/manual", "{\"show\":\"dnd\",\"status\":\"Deadline\"}");
        bob.awaitShows(PHONE, "dnd", "Deadline");
        phone.disconnect();
        bob.awaitGone(PHONE);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                api.ok("GET", "/api/v1/presence/alice@localhost", null).get("sources").get("manual").isNull());

        online("alice", "phone", Presence.Mode.available);
        bob.awaitShows(PHONE, null, null);
    }

    @Test
    void availableOverridesACalendarMeeting() throws Exception {
        HttpServer feeds = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        feeds.createContext("/cal/", exchange -> {
            byte[] body = CalendarFixtures.ALICE.getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().equals("/cal/alice.ics")) {
                exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        feeds.start();
        toClose.add(() -> feeds.stop(0));
        // Monday 12 Jan 2026, 10:30 in Berlin: during alice's weekly meeting.
        MutableClock clock = new MutableClock(Instant.parse("2026-01-12T09:30:00Z"));
        start(clock, "richpresence.calendar.source=ics",
                "richpresence.calendar.url=http://127.0.0.1:" + feeds.getAddress().getPort() + "/cal/{user}.ics",
                "richpresence.calendar.pollSeconds=3600");
        RichPresence rich = modules.richPresence().service();

        XMPPTCPConnection desk = online("alice", "desk", Presence.Mode.available);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> rich.inputs(RichPresenceFixture.jid("alice")).calendar() == CalendarState.BUSY);
        SmackWatcher bob = bobWatching(desk);
        bob.awaitShows(DESK, "dnd", "In a meeting");

        setManual(desk, Presence.Mode.available, null);
        bob.awaitShows(DESK, null, null);
        clearManual(desk);
        bob.awaitShows(DESK, "dnd", "In a meeting");

        clock.set(Instant.parse("2026-01-12T10:30:00Z")); // 11:30 in Berlin: the meeting is over
        modules.richPresence().calendarPoller().pollAll().get(10, TimeUnit.SECONDS);
        bob.awaitShows(DESK, null, null);
    }

    @Test
    void phoneOffHookMakesTheUserBusyAndBack() throws Exception {
        start(null);
        XMPPTCPConnection desk = online("alice", "desk", Presence.Mode.available);
        SmackWatcher bob = bobWatching(desk);
        bob.awaitShows(DESK, null, null);

        JsonNode busy = api.ok("PUT", "/api/v1/presence/alice@localhost/phone/1001", "{\"state\":\"busy\"}");
        assertThat(busy.get("show").asText()).isEqualTo("dnd");
        bob.awaitShows(DESK, "dnd", "On the phone");
        api.ok("PUT", "/api/v1/presence/alice@localhost/phone/1001", "{\"state\":\"idle\"}");
        bob.awaitShows(DESK, null, null);
    }

    @Test
    void phoneAndApplicationStatesSurviveARestart(@TempDir Path db) throws Exception {
        try (TestServer first = TestServer.builder().node(new ServerModules(null)).h2File(db).start()) {
            first.createUser("alice");
            first.http().ok("PUT", "/api/v1/presence/alice@localhost/phone/1001", "{\"state\":\"busy\"}");
            first.http().ok("PUT", "/api/v1/presence/alice@localhost/apps/crm", "{\"show\":\"away\",\"status\":\"Out\"}");
        } // a clean stop writes what is pending
        server = TestServer.builder().node(new ServerModules(null)).h2File(db).start();
        toClose.add(server);
        api = server.http();
        server.createUser("bob");
        JsonNode sources = api.ok("GET", "/api/v1/presence/alice@localhost", null).get("sources");
        assertThat(sources.get("phone").get("lines").get("1001").asText()).isEqualTo("busy");
        assertThat(sources.get("apps").get("crm").get("status").asText()).isEqualTo("Out");

        XMPPTCPConnection desk = online("alice", "desk", Presence.Mode.available);
        SmackWatcher bob = bobWatching(desk);
        bob.awaitShows(DESK, "dnd", "On the phone");
    }

    @Test
    void aThirdPartyApplicationPushesAStatus() throws Exception {
        start(null);
        XMPPTCPConnection desk = online("alice", "desk", Presence.Mode.available);
        SmackWatcher bob = bobWatching(desk);
        bob.awaitShows(DESK, null, null);

        api.ok("PUT", "/api/v1/presence/alice@localhost/apps/crm", "{\"show\":\"away\",\"status\":\"With a customer\"}");
        bob.awaitShows(DESK, "away", "With a customer");
        assertThat(api.ok("GET", "/api/v1/presence/alice@localhost", null).get("sources").get("apps").get("crm")
                .get("status").asText()).isEqualTo("With a customer");
        api.ok("DELETE", "/api/v1/presence/alice@localhost/apps/crm", null);
        bob.awaitShows(DESK, null, null);
    }

    @Test
    void theEventStreamSeesComposedChanges() throws Exception {
        start(null);
        XMPPTCPConnection desk = online("alice", "desk", Presence.Mode.available);
        SmackWatcher bob = bobWatching(desk);
        bob.awaitShows(DESK, null, null);

        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/presence/stream?jid=alice@localhost"))
                .header("Authorization", "Bearer " + api.token()).build();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                api.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> stream = response.get(10, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> stream.body().filter(l -> l.startsWith("data:")).forEach(data::add));
        reader.setDaemon(true);
        reader.start();
        toClose.add(() -> stream.body().close());

        assertThat(next(data)).contains("\"show\":\"available\"");
        api.ok("PUT", "/api/v1/presence/alice@localhost/phone/1001", "{\"state\":\"busy\"}");
        assertThat(next(data)).contains("\"show\":\"dnd\"").contains("On the phone");
        desk.sendStanza(presence(desk, Presence.Mode.away, null).build()); // phone still wins: no event
        // The presence travels on its own connection: wait until the server holds it, or the idle
        // phone below could be composed first (an "available" event) and the away after it.
        org.awaitility.Awaitility.await().until(() -> api.ok("GET", "/api/v1/presence/alice@localhost", null)
                .get("sources").get("devices").toString().contains("away"));
        api.ok("PUT", "/api/v1/presence/alice@localhost/phone/1001", "{\"state\":\"idle\"}");
        assertThat(next(data)).contains("\"show\":\"away\"");
    }

    private static String next(BlockingQueue<String> data) throws InterruptedException {
        String line = data.poll(10, TimeUnit.SECONDS);
        assertThat(line).as("an SSE event within 10 s").isNotNull();
        return line;
    }

    @Test
    void subscribersGetNoPresenceWhenTheComposedStateIsUnchanged() throws Exception {
        start(null);
        XMPPTCPConnection desk = online("alice", "desk", Presence.Mode.available);
        SmackWatcher bob = bobWatching(desk);
        bob.awaitShows(DESK, null, null);

        api.ok("PUT", "/api/v1/presence/alice@localhost/phone/1001", "{\"state\":\"busy\"}");
        bob.awaitShows(DESK, "dnd", "On the phone");
        int before = bob.count("alice@localhost");

        // Inputs that change nothing a subscriber sees: a second line off-hook, a ringing line,
        // the same state again, a calendar-free app push below the phone, the device going away.
        api.ok("PUT", "/api/v1/presence/alice@localhost/phone/1002", "{\"state\":\"busy\"}");
        api.ok("PUT", "/api/v1/presence/alice@localhost/phone/1003", "{\"state\":\"ringing\"}");
        api.ok("PUT", "/api/v1/presence/alice@localhost/phone/1001", "{\"state\":\"busy\"}");
        api.ok("PUT", "/api/v1/presence/alice@localhost/apps/crm", "{\"show\":\"away\",\"status\":\"Busy in CRM\"}");
        desk.sendStanza(presence(desk, Presence.Mode.xa, null).build());
        api.ok("PUT", "/api/v1/presence/alice@localhost/phone/1002", "{\"state\":\"idle\"}");

        // The one visible change afterwards: presences of one user arrive in order, so once it is
        // here every presence the unchanged inputs could have caused would be here too.
        api.ok("PUT", "/api/v1/presence/alice@localhost/phone/1001", "{\"state\":\"idle\"}");
        bob.awaitShows(DESK, "away", "Busy in CRM");
        assertThat(bob.count("alice@localhost")).isEqualTo(before + 1);
    }
}
