package org.parley.server.richpresence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.richpresence.RichPresenceFixture.anyPresenceFrom;
import static org.parley.server.richpresence.RichPresenceFixture.jid;
import static org.parley.server.richpresence.RichPresenceFixture.shows;
import static org.parley.server.richpresence.RichPresenceFixture.subscribe;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.server.presence.Availability;
import org.parley.server.presence.Show;
import org.parley.server.richpresence.calendar.CalendarState;
import org.parley.server.testing.TestSession;

/** The composition rules of issue 5, seen by a subscriber (bob watches alice). */
class CompositionTest {

    private static final String A = "alice@localhost/desk";
    private static final String B = "alice@localhost/phone";

    private RichPresenceFixture f;
    private TestSession alice;
    private TestSession bob;

    private void start(String... overrides) {
        f = new RichPresenceFixture(overrides);
        f.harness.createUser("alice");
        f.harness.createUser("bob");
        f.harness.createUser("bridge");
        alice = f.signIn("alice", "desk", "<presence/>");
        bob = f.signIn("bob", "b", "<presence/>");
        subscribe(bob, alice);
        bob.expect(shows(A, null, null));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theMoreAvailableDeviceWinsAndAnIdleDeviceIsAway() {
        start();
        alice.send("<presence><show>away</show><status>Lunch</status></presence>");
        bob.expect(shows(A, "away", "Lunch"));
        TestSession phone = f.signIn("alice", "phone", "<presence><status>On my phone</status></presence>");
        // Both devices show the composed state: the phone is the more available one.
        bob.expect(shows(B, null, "On my phone"));
        bob.expect(shows(A, null, "On my phone"));
        phone.send("<presence><idle xmlns='urn:xmpp:idle:1' since='2026-01-01T10:00:00Z'/></presence>");
        bob.expect(shows(B, "away", "Lunch"));
        assertThat(f.service().headline(jid("alice")).show()).isEqualTo("away");
    }

    @Test
    void manualDndOverridesAnAvailableDeviceUntilTheUserClearsIt() {
        start();
        f.service().setManual(jid("alice"), new ManualStatus(new Availability(Show.DND, "Writing"), null));
        bob.expect(shows(A, "dnd", "Writing"));
        // Replacing it is the same rule as clearing: the new one wins.
        f.service().setManual(jid("alice"), new ManualStatus(new Availability(Show.AWAY, null), null));
        bob.expect(shows(A, "away", null));
        assertThat(f.service().clearManual(jid("alice"))).isTrue();
        bob.expect(shows(A, null, null));
        assertThat(f.service().clearManual(jid("alice"))).isFalse();
    }

    @Test
    void manualPresenceFromAMarkerIsClearedWhenThatClientSignsOut() {
        start();
        TestSession phone = f.signIn("alice", "phone", "<presence/>");
        bob.expect(shows(B, null, null));
        phone.send("<presence><show>dnd</show><status>Focus</status>"
                + "<manual xmlns='urn:parley:presence:manual:0'/></presence>");
        bob.expect(shows(A, "dnd", "Focus"));
        var seen = bob.expect(shows(B, "dnd", "Focus"));
        assertThat(seen.element().child("manual", ManualMarker.NAMESPACE)).isEmpty();
        assertThat(f.service().inputs(jid("alice")).manual().setBy().toString()).isEqualTo("phone");

        phone.disconnect();
        bob.expect(p -> p.isPresence() && "unavailable".equals(p.type()) && p.from().toString().equals(B));
        bob.expect(shows(A, null, null));
        assertThat(f.service().inputs(jid("alice")).manual()).isNull();
    }

    @Test
    void manualPresenceIsClearedByAMarkerClear() {
        start();
        alice.send("<presence><show>away</show><manual xmlns='urn:parley:presence:manual:0'/></presence>");
        bob.expect(shows(A, "away", null));
        alice.send("<presence><manual xmlns='urn:parley:presence:manual:0' action='clear'/></presence>");
        bob.expect(shows(A, null, null));
        assertThat(f.service().inputs(jid("alice")).manual()).isNull();
    }

    @Test
    void manualPresenceIsClearedWhenNoDeviceIsLeft() {
        start();
        f.service().setManual(jid("alice"), new ManualStatus(new Availability(Show.DND, null), null));
        bob.expect(shows(A, "dnd", null));
        alice.disconnect();
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> f.service().inputs(jid("alice")).manual() == null);
        TestSession back = f.signIn("alice", "desk", "<presence/>");
        bob.expect(shows(A, null, null));
        assertThat(back.isClosed()).isFalse();
    }

    @Test
    void availableOverridesACalendarMeeting() {
        start();
        f.service().setCalendar(jid("alice"), CalendarState.BUSY);
        bob.expect(shows(A, "dnd", "In a meeting"));
        f.service().setManual(jid("alice"), new ManualStatus(new Availability(Show.AVAILABLE, null), null));
        bob.expect(shows(A, null, null));
        f.service().clearManual(jid("alice"));
        bob.expect(shows(A, "dnd", "In a meeting"));
        f.service().setCalendar(jid("alice"), CalendarState.OUT_OF_OFFICE);
        bob.expect(shows(A, "xa", "Out of office"));
    }

    @Test
    void phoneOffHookMakesTheUserBusyAndBack() {
        start();
        f.service().setPhone(jid("alice"), "1001", PhoneState.BUSY);
        bob.expect(shows(A, "dnd", "On the phone"));
        f.service().setPhone(jid("alice"), "1001", PhoneState.IDLE);
        bob.expect(shows(A, null, null));
        f.service().setPhone(jid("alice"), "1002", PhoneState.DND);
        bob.expect(shows(A, "dnd", "Do not disturb"));
    }

    @Test
    void subscribersGetNothingWhenTheComposedStateDoesNotChange() {
        start();
        f.service().setPhone(jid("alice"), "1001", PhoneState.RINGING);
        f.service().setPhone(jid("alice"), "1001", PhoneState.IDLE);
        bob.expectNothing(anyPresenceFrom("alice@localhost"), Duration.ofMillis(300));
        f.service().setPhone(jid("alice"), "1001", PhoneState.BUSY);
        bob.expect(shows(A, "dnd", "On the phone"));
        // A second line going off-hook, a calendar meeting under the phone: same composed state.
        f.service().setPhone(jid("alice"), "1002", PhoneState.BUSY);
        f.service().setCalendar(jid("alice"), CalendarState.BUSY);
        bob.expectNothing(anyPresenceFrom("alice@localhost"), Duration.ofMillis(300));
    }

    @Test
    void precedenceIsConfigurable() {
        start("richpresence.precedence=manual,calendar,phone,apps,devices");
        f.service().setPhone(jid("alice"), "1001", PhoneState.BUSY);
        bob.expect(shows(A, "dnd", "On the phone"));
        f.service().setCalendar(jid("alice"), CalendarState.BUSY);
        bob.expect(shows(A, "dnd", "In a meeting"));
    }

    @Test
    void anAllowedApplicationAccountPublishesForOthers() {
        start("richpresence.appAccounts=bridge@localhost");
        TestSession bridge = f.signIn("bridge", "app", "<presence/>");
        bridge.send("<presence to='alice@localhost'><show>dnd</show><status>Presenting</status></presence>");
        bob.expect(shows(A, "dnd", "Presenting"));
        alice.expectNothing(anyPresenceFrom("bridge@localhost"), Duration.ofMillis(100));
        assertThat(f.service().inputs(jid("alice")).apps()).containsKey("bridge");
        bridge.send("<presence type='unavailable' to='alice@localhost'/>");
        bob.expect(shows(A, null, null));
        // Presence from an account not on the list stays an ordinary directed presence.
        bob.send("<presence to='alice@localhost'><show>dnd</show></presence>");
        alice.expect(p -> p.isPresence() && p.from().asBareJid().toString().equals("bob@localhost"));
        assertThat(f.service().inputs(jid("alice")).apps()).isEmpty();
    }

    @Test
    void aThirdPartyPushAndTheOfflineStatus() {
        start();
        f.service().setApp(jid("alice"), "teams", new Availability(Show.AWAY, "Stepped out"));
        bob.expect(shows(A, "away", "Stepped out"));
        alice.disconnect();
        bob.expect(p -> p.isPresence() && "unavailable".equals(p.type()));
        f.service().setPhone(jid("alice"), "1001", PhoneState.BUSY);
        // The device's departure and the phone input are composed on the user's actor, after the
        // unavailable presence went out: wait for that state rather than reading it at once.
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(f.service().headline(jid("alice")))
                .isEqualTo(new Headline(jid("alice"), "unavailable", "On the phone")));
    }
}
