package org.parley.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Slows down password guessing from one remote address: after {@code freeFailures} failed
 * sign-ins within {@code window}, each further attempt waits {@code baseDelay}·2^k, capped.
 * The caller schedules the delay (never sleeps on an event loop). Memory is bounded: at most
 * {@code maxAddresses} entries, each forgotten one window after its last failure. IPv6 peers
 * are tracked per /64, since one host usually holds a whole /64.
 */
public final class SignInThrottle {

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final int freeFailures;
    private final Duration window;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Cache<InetAddress, Failures> failures;

    /** Three free failures per 15 minutes, then 0.5 s doubling up to 5 s; 100 000 addresses. */
    public SignInThrottle(Clock clock) {
        this(clock, 3, Duration.ofMinutes(15), Duration.ofMillis(500), Duration.ofSeconds(5), 100_000);
    }

    public SignInThrottle(Clock clock, int freeFailures, Duration window, Duration baseDelay,
                          Duration maxDelay, long maxAddresses) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (freeFailures < 0 || window.isNegative() || window.isZero() || baseDelay.isNegative()
                || maxDelay.compareTo(baseDelay) < 0 || maxAddresses < 1) {
            throw new IllegalArgumentException("invalid throttle settings");
        }
        this.freeFailures = freeFailures;
        this.window = window;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        // Expiry on the same clock keeps tests deterministic; maintenance runs on the caller.
        this.failures = Caffeine.newBuilder()
                .maximumSize(maxAddresses)
                .expireAfterWrite(window)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .executor(Runnable::run)
                .build();
    }

    /** How long to wait before evaluating a sign-in attempt from this address. */
    public Duration delayFor(InetAddress address) {
        Failures current = current(key(address));
        if (current == null || current.count() <= freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(current.count() - freeFailures - 1, 30);
        Duration delay = baseDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    public void failed(InetAddress address) {
        Instant now = clock.instant();
        failures.asMap().compute(key(address), (k, old) -> {
            boolean fresh = old == null || expired(old, now);
            return new Failures(fresh ? 1 : old.count() + 1, now);
        });
    }

    public void succeeded(InetAddress address) {
        failures.invalidate(key(address));
    }

    private Failures current(InetAddress key) {
        Failures found = failures.getIfPresent(key);
        return found == null || expired(found, clock.instant()) ? null : found;
    }

    private boolean expired(Failures entry, Instant now) {
        return !entry.last().plus(window).isAfter(now);
    }

    private static InetAddress key(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] prefix = Arrays.copyOf(Arrays.copyOf(address.getAddress(), 8), 16);
        try {
            return InetAddress.getByAddress(prefix);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes is always a valid IPv6 address", e);
        }
    }
}
