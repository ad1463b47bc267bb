package org.parley.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Issues actions at a fixed rate from one thread, bounded by a count and a deadline, whichever
 * comes first. Each action gets its intended start time, so latency is measured from when the
 * request should have left (no coordinated omission if the generator falls behind).
 */
public final class Pacer {

    /** Receives the action's index (0-based) and its intended start in {@link System#nanoTime()} terms. */
    @FunctionalInterface
    public interface Action {
        void run(long index, long intendedNanos);
    }

    private Pacer() {
    }

    /** Runs until {@code count} actions were issued or {@code limit} elapsed; returns how many were issued. */
    public static long run(double perSecond, long count, Duration limit, Action action) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        double intervalNanos = 1e9 / perSecond;
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long issued = 0;
        while (issued < count) {
            long intended = start + (long) (issued * intervalNanos);
            if (intended >= deadline) {
                break;
            }
            long now = System.nanoTime();
            if (now < intended) {
                // Sleep until the next action is due, not in fixed slices: waking 1000 times a second
                // would cost the generator more than a light server spends per message. parkNanos
                // overshoots by ~50-100 us, which the intended-time latency accounting absorbs.
                LockSupport.parkNanos(intended - now);
                continue;
            }
            action.run(issued, intended);
            issued++;
        }
        return issued;
    }
}
