package org.parley.server.richpresence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.richpresence.RichPresenceFixture.jid;
import static org.parley.server.richpresence.RichPresenceFixture.shows;
import static org.parley.server.richpresence.RichPresenceFixture.subscribe;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.richpresence.calendar.CalendarState;
import org.parley.server.testing.MutableClock;
import org.parley.server.testing.TestSession;

/** The CalDAV source against a real Radicale on loopback (calendar-query REPORT with a time range). */
class CalDavCalendarTest {

    private static final String A = "alice@localhost/desk";

    @TempDir
    Path dir;

    private Radicale radicale;
    private MutableClock clock;
    private RichPresenceFixture f;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Radicale.installed(), "CalDAV test skipped: " + Radicale.EXECUTABLE
                + " is missing; install it with 'apt-get install -y radicale' (.ci/run does)");
        radicale = Radicale.start(dir);
        radicale.mkcalendar("/parley/alice/");
        radicale.put("/parley/alice/weekly.ics", CalendarFixtures.WEEKLY);
        radicale.put("/parley/alice/vacation.ics", CalendarFixtures.VACATION);
        radicale.mkcalendar("/parley/carol/");
        clock = new MutableClock(Instant.parse("2026-01-12T09:30:00Z"));
        f = new RichPresenceFixture(List.of("richpresence.calendar.source=caldav",
                "richpresence.calendar.url=" + radicale.base() + "/parley/{user}/",
                "richpresence.calendar.user=" + Radicale.USER, "richpresence.calendar.password=x",
                "richpresence.calendar.pollSeconds=3600"), clock, null);
        f.harness.createUser("alice");
        f.harness.createUser("bob");
        f.harness.createUser("carol");
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
        if (radicale != null) {
            radicale.close();
        }
    }

    @Test
    void aRecurringMeetingOnTheCalDavServerMakesTheUserBusy() throws Exception {
        TestSession bob = f.signIn("bob", "b", "<presence/>");
        TestSession alice = f.signIn("alice", "desk", "<presence/>");
        // Signing in reads the calendar at once: 10:30 Berlin on a Monday.
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> f.service().inputs(jid("alice")).calendar() == CalendarState.BUSY);
        subscribe(bob, alice);
        bob.expect(shows(A, "dnd", "In a meeting"));

        clock.set(Instant.parse("2026-01-12T10:30:00Z"));
        poll();
        bob.expect(shows(A, null, null));

        clock.set(Instant.parse("2026-03-30T08:30:00Z")); // a later Monday, in summer time
        poll();
        bob.expect(shows(A, "dnd", "In a meeting"));

        clock.set(Instant.parse("2026-02-02T12:00:00Z"));
        poll();
        bob.expect(shows(A, "xa", "Out of office"));
    }

    @Test
    void anEmptyOrMissingCalendarIsFree() throws Exception {
        f.signIn("carol", "c", "<presence/>");
        f.harness.createUser("dave");
        f.signIn("dave", "d", "<presence/>");
        poll();
        assertThat(f.service().inputs(jid("carol")).calendar()).isNull();
        assertThat(f.service().inputs(jid("dave")).calendar()).isNull();
        assertThat(f.service().headline(jid("carol")).show()).isEqualTo("available");
        assertThat(CalendarState.FREE.jsonName()).isEqualTo("free");
    }

    private void poll() throws Exception {
        f.rich.calendarPoller().pollAll().get(20, TimeUnit.SECONDS);
    }
}
