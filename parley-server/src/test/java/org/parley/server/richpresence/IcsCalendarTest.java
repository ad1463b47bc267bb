package org.parley.server.richpresence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.richpresence.RichPresenceFixture.jid;
import static org.parley.server.richpresence.RichPresenceFixture.shows;
import static org.parley.server.richpresence.RichPresenceFixture.subscribe;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.presence.Availability;
import org.parley.server.presence.Show;
import org.parley.server.richpresence.calendar.CalendarState;
import org.parley.server.testing.MutableClock;
import org.parley.server.testing.TestSession;

/** The iCalendar feed source: a local HTTP server serves alice's feed, the test moves the clock. */
class IcsCalendarTest {

    private static final String A = "alice@localhost/desk";

    private final AtomicInteger aliceReads = new AtomicInteger();
    /** How many of the next reads of alice's feed fail with 503. */
    private final AtomicInteger failNext = new AtomicInteger();
    private HttpServer feeds;
    private MutableClock clock;
    private RichPresenceFixture f;
    private TestSession bob;

    @BeforeEach
    void start() throws Exception {
        feeds = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        feeds.createContext("/cal/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/cal/alice.ics")) {
                aliceReads.incrementAndGet();
            }
            byte[] body = CalendarFixtures.ALICE.getBytes(StandardCharsets.UTF_8);
            if (!exchange.getRequestURI().getPath().equals("/cal/alice.ics")) {
                exchange.sendResponseHeaders(404, -1);
            } else if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        feeds.start();
        // Monday 12 Jan 2026, 09:30 UTC = 10:30 in Berlin: during the weekly meeting.
        clock = new MutableClock(Instant.parse("2026-01-12T09:30:00Z"));
        f = new RichPresenceFixture(List.of("richpresence.calendar.source=ics",
                "richpresence.calendar.url=http://127.0.0.1:" + feeds.getAddress().getPort() + "/cal/{user}.ics",
                "richpresence.calendar.pollSeconds=3600"), clock, null);
        f.harness.createUser("alice");
        f.harness.createUser("bob");
        bob = f.signIn("bob", "b", "<presence/>");
    }

    @AfterEach
    void stop() {
        f.close();
        feeds.stop(0);
    }

    @Test
    void aRecurringMeetingInBerlinTimeMakesTheUserBusyAndAvailableOverridesIt() throws Exception {
        TestSession alice = f.signIn("alice", "desk", "<presence/>");
        // Signing in reads the calendar at once: 10:30 Berlin on a Monday.
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> f.service().inputs(jid("alice")).calendar() == CalendarState.BUSY);
        subscribe(bob, alice);
        bob.expect(shows(A, "dnd", "In a meeting"));

        f.service().setManual(jid("alice"), new ManualStatus(new Availability(Show.AVAILABLE, null), null));
        bob.expect(shows(A, null, null));
        f.service().clearManual(jid("alice"));
        bob.expect(shows(A, "dnd", "In a meeting"));

        clock.set(Instant.parse("2026-01-12T10:30:00Z")); // 11:30 in Berlin: the meeting is over
        poll();
        bob.expect(shows(A, null, null));

        clock.set(Instant.parse("2026-01-19T09:30:00Z")); // the excluded Monday
        poll();
        assertThat(f.service().inputs(jid("alice")).calendar()).isNull();

        clock.set(Instant.parse("2026-03-30T08:30:00Z")); // summer time: 10:30 CEST is 08:30 UTC
        poll();
        bob.expect(shows(A, "dnd", "In a meeting"));

        clock.set(Instant.parse("2026-02-02T15:00:00Z")); // the out-of-office day
        poll();
        bob.expect(shows(A, "xa", "Out of office"));
        assertThat(f.service().inputs(jid("alice")).calendar()).isEqualTo(CalendarState.OUT_OF_OFFICE);
    }

    @Test
    void theCalendarOfAUserWhoIsNotSignedInIsReadWhenAskedAndCachedBriefly() throws Exception {
        int before = aliceReads.get(); // alice never signed in: nothing polls her calendar
        PresenceView view = f.service().view(jid("alice")).get(10, TimeUnit.SECONDS);
        assertThat(view.inputs().calendar()).isEqualTo(CalendarState.BUSY);
        assertThat(view.headline().show()).isEqualTo("unavailable");
        assertThat(view.headline().status()).isEqualTo("In a meeting");
        assertThat(aliceReads.get()).isEqualTo(before + 1);

        f.service().view(jid("alice")).get(10, TimeUnit.SECONDS); // within the poll interval: from the cache
        assertThat(aliceReads.get()).isEqualTo(before + 1);

        clock.set(Instant.parse("2026-01-12T10:30:00Z")); // an hour later: read again, the meeting is over
        PresenceView later = f.service().view(jid("alice")).get(10, TimeUnit.SECONDS);
        assertThat(aliceReads.get()).isEqualTo(before + 2);
        assertThat(later.inputs().calendar()).isNull();
        assertThat(later.headline().status()).isNull();
        // Asking did not make the calendar an input of the offline user (nobody polls it).
        assertThat(f.service().inputs(jid("alice")).calendar()).isNull();
    }

    @Test
    void aReadThatFailsAtSignInIsRetriedBeforeTheNextRound() throws Exception {
        failNext.set(1);
        f.signIn("alice", "desk", "<presence/>");
        // The poll interval is an hour: only the retry (5 s after the failure) can bring the meeting in.
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> f.service().inputs(jid("alice")).calendar() == CalendarState.BUSY);
        assertThat(aliceReads.get()).isEqualTo(2);
    }

    @Test
    void aUserWithoutAFeedIsFree() throws Exception {
        f.harness.createUser("carol");
        f.signIn("carol", "c", "<presence/>");
        poll();
        assertThat(f.service().inputs(jid("carol")).calendar()).isNull();
    }

    private void poll() throws Exception {
        f.rich.calendarPoller().pollAll().get(10, TimeUnit.SECONDS);
    }
}
