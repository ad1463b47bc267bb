package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.MutableClock;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void firstFailuresAreFreeThenDelayDoublesUpToTheCap() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        assertThat(throttle.delayFor(a)).isZero();
        for (int i = 0; i < 3; i++) {
            throttle.failed(a);
        }
        assertThat(throttle.delayFor(a)).isZero();
        throttle.failed(a);
        assertThat(throttle.delayFor(a)).isEqualTo(Duration.ofMillis(500));
        throttle.failed(a);
        assertThat(throttle.delayFor(a)).isEqualTo(Duration.ofSeconds(1));
        throttle.failed(a);
        assertThat(throttle.delayFor(a)).isEqualTo(Duration.ofSeconds(2));
        for (int i = 0; i < 50; i++) {
            throttle.failed(a);
        }
        assertThat(throttle.delayFor(a)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void otherAddressesAreNotAffected() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        for (int i = 0; i < 10; i++) {
            throttle.failed(a);
        }
        assertThat(throttle.delayFor(InetAddress.getByName("192.0.2.2"))).isZero();
    }

    @Test
    void successClearsTheRecord() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        for (int i = 0; i < 10; i++) {
            throttle.failed(a);
        }
        throttle.succeeded(a);
        assertThat(throttle.delayFor(a)).isZero();
    }

    @Test
    void failuresAreForgottenAfterTheWindow() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        for (int i = 0; i < 10; i++) {
            throttle.failed(a);
        }
        clock.advanceMillis(Duration.ofMinutes(16).toMillis());
        assertThat(throttle.delayFor(a)).isZero();
        throttle.failed(a);
        assertThat(throttle.delayFor(a)).isZero();
    }

    @Test
    void ipv6AddressesShareTheirSlash64() throws Exception {
        for (int i = 0; i < 10; i++) {
            throttle.failed(InetAddress.getByName("2001:db8:1:2::" + Integer.toHexString(i + 1)));
        }
        assertThat(throttle.delayFor(InetAddress.getByName("2001:db8:1:2::ffff"))).isPositive();
        assertThat(throttle.delayFor(InetAddress.getByName("2001:db8:1:3::1"))).isZero();
    }

    @Test
    void memoryIsBounded() throws Exception {
        SignInThrottle small = new SignInThrottle(clock, 0, Duration.ofMinutes(15),
                Duration.ofMillis(100), Duration.ofSeconds(1), 10);
        for (int i = 0; i < 1000; i++) {
            small.failed(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i}));
        }
        int remembered = 0;
        for (int i = 0; i < 1000; i++) {
            if (!small.delayFor(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i})).isZero()) {
                remembered++;
            }
        }
        assertThat(remembered).isLessThanOrEqualTo(10);
    }
}
