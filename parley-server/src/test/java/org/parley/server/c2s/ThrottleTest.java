package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.parley.server.auth.SignInThrottle;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;

/** Repeated failed sign-ins from one address are slowed down without blocking anyone else. */
class ThrottleTest {

    @Test
    void failureAnswersAreHeldBackOnceTheFreeAttemptsAreUsed() throws Exception {
        // One free failure, then an hour's delay: the held answer cannot arrive during the test.
        SignInThrottle throttle = new SignInThrottle(Clock.systemUTC(), 1, Duration.ofMinutes(15),
                Duration.ofHours(1), Duration.ofHours(1), 100);
        try (TestServer server = TestServer.builder().throttle(throttle).start()) {
            server.createUser("alice");
            try (RawClient guesser = server.raw()) {
                guesser.startTls();
                guesser.openStream();
                assertThat(guesser.authenticate("alice", "guess-1")).contains("<not-authorized/>");

                guesser.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                        + java.util.Base64.getEncoder().encodeToString("\0alice\0guess-2".getBytes()) + "</auth>");
                assertThat(guesser.receivesWithin(1500)).as("the second failure is held back").isFalse();
                assertThat(throttle.delayFor(InetAddress.getLoopbackAddress())).isPositive();

                // Meanwhile the event loops are free: the right password still signs in at once.
                XMPPTCPConnection alice = server.signIn("alice", "meanwhile");
                assertThat(alice.isAuthenticated()).isTrue();
                alice.disconnect();
            }
        }
    }

    @Test
    void heldBackFailuresAreStillAnswered() throws Exception {
        SignInThrottle throttle = new SignInThrottle(Clock.systemUTC(), 0, Duration.ofMinutes(15),
                Duration.ofMillis(20), Duration.ofMillis(40), 100);
        try (TestServer server = TestServer.builder().throttle(throttle).start()) {
            server.createUser("alice");
            try (RawClient guesser = server.raw()) {
                guesser.startTls();
                guesser.openStream();
                for (int i = 0; i < 3; i++) {
                    assertThat(guesser.authenticate("alice", "guess-" + i)).contains("<not-authorized/>");
                }
                assertThat(guesser.authenticate("alice", TestServer.password("alice"))).contains("<success");
            }
            assertThat(throttle.delayFor(InetAddress.getLoopbackAddress())).isZero();
        }
    }
}
