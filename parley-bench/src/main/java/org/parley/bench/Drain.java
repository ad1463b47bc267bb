package org.parley.bench;

import java.util.function.BooleanSupplier;

/**
 * Waits on the scenario's driver thread until the traffic it started has settled. The counters
 * are bumped on the event loops; polling them every 20 ms from the driver (never from a loop)
 * keeps the loops free of any signalling work on the measured path.
 */
final class Drain {

    private Drain() {
    }

    /** Polls {@code done} until it holds or {@code maxMillis} pass; returns its final value. */
    static boolean until(BooleanSupplier done, long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }
}
