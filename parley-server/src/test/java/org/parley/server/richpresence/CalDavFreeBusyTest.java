package org.parley.server.richpresence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.richpresence.RichPresenceFixture.jid;
import static org.parley.server.richpresence.RichPresenceFixture.shows;
import static org.parley.server.richpresence.RichPresenceFixture.subscribe;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.richpresence.calendar.CalendarState;
import org.parley.server.testing.MutableClock;
import org.parley.server.testing.TestSession;

/**
 * The free-busy-query source (RFC 4791 §7.10) against a real CalDAV server (Xandikos on
 * loopback): the server computes the busy periods, Parley reads their FBTYPE at the poll instant.
 */
class CalDavFreeBusyTest {

    private static final String A = "alice@localhost/desk";

    @TempDir
    Path dir;

    private Xandikos dav;
    private MutableClock clock;
    private RichPresenceFixture f;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Xandikos.installed(), "free-busy test skipped: " + Xandikos.EXECUTABLE
                + " is missing; install it with 'apt-get install -y xandikos' (.ci/run does)");
        dav = Xandikos.start(dir);
        dav.mkcalendar("/parley/alice/");
        dav.put("/parley/alice/review.ics", event("review", "20260112T090000Z", "20260112T100000Z", null));
        dav.put("/parley/alice/maybe.ics", event("maybe", "20260112T140000Z", "20260112T150000Z", "TENTATIVE"));
        dav.put("/parley/alice/dropped.ics", event("dropped", "20260112T160000Z", "20260112T170000Z", "CANCELLED"));
        clock = new MutableClock(Instant.parse("2026-01-12T09:30:00Z"));
        f = new RichPresenceFixture(List.of("richpresence.calendar.source=caldav-freebusy",
                "richpresence.calendar.url=" + dav.base() + "/parley/{user}/",
                "richpresence.calendar.pollSeconds=3600"), clock, null);
        f.harness.createUser("alice");
        f.harness.createUser("bob");
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
        if (dav != null) {
            dav.close();
        }
    }

    @Test
    void busyTimeFromTheServersFreeBusyAnswerMakesTheUserBusyAndThenFreeAgain() throws Exception {
        TestSession bob = f.signIn("bob", "b", "<presence/>");
        TestSession alice = f.signIn("alice", "desk", "<presence/>");
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> f.service().inputs(jid("alice")).calendar() == CalendarState.BUSY);
        subscribe(bob, alice);
        bob.expect(shows(A, "dnd", "In a meeting"));

        clock.set(Instant.parse("2026-01-12T10:30:00Z"));
        poll();
        bob.expect(shows(A, null, null));

        clock.set(Instant.parse("2026-01-12T14:30:00Z"));
        poll();
        assertThat(f.service().inputs(jid("alice")).calendar()).isEqualTo(CalendarState.TENTATIVE);

        clock.set(Instant.parse("2026-01-12T16:30:00Z")); // the cancelled event is no busy time
        poll();
        assertThat(f.service().inputs(jid("alice")).calendar()).isNull();
        assertThat(f.service().headline(jid("alice")).show()).isEqualTo("available");
    }

    private static String event(String uid, String start, String end, String status) {
        return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Parley tests//EN",
                "BEGIN:VEVENT", "UID:" + uid + "@test", "DTSTAMP:20260101T000000Z",
                "DTSTART:" + start, "DTEND:" + end, "SUMMARY:" + uid)
                + (status == null ? "" : "\r\nSTATUS:" + status)
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private void poll() throws Exception {
        f.rich.calendarPoller().pollAll().get(20, TimeUnit.SECONDS);
    }
}
