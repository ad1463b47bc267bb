package org.parley.server.storage;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs start-up database work (the first connection and the migration) again while the database
 * cannot be reached, with a growing pause, for a bounded time.
 *
 * <p>Why: the pool waits at most 3 s for a connection, which suits requests (a client gets a
 * prompt temporary error) but not start-up: an embedded H2 opening its file on a machine busy with
 * other work, or a PostgreSQL that boots alongside Parley, can take longer, and the server would
 * then exit. Only "could not get a connection" is retried; any other failure (a broken
 * migration, bad credentials reported as such) fails at once.
 */
final class StartupRetry {

    /** Sleeps on the calling thread; a parameter so tests can see the pauses without waiting them out. */
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    static final Duration BUDGET = Duration.ofSeconds(60);
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(StartupRetry.class);

    private final Duration budget;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    StartupRetry() {
        this(BUDGET, pause -> Thread.sleep(pause.toMillis()), System::nanoTime);
    }

    StartupRetry(Duration budget, Sleeper sleeper, LongSupplier nanoTime) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Runs {@code action} until it succeeds, fails for another reason than an unreachable
     * database, or the budget is spent (then its last failure is thrown).
     *
     * @param what for the log, e.g. "migrating jdbc:h2:file:/var/lib/parley/parley"
     */
    void run(String what, Runnable action) {
        long deadline = nanoTime.getAsLong() + budget.toNanos();
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                if (attempt > 1) {
                    log.info("{}: succeeded at attempt {}", what, attempt);
                }
                return;
            } catch (RuntimeException e) {
                SQLTransientConnectionException unreachable = unreachable(e);
                long left = deadline - nanoTime.getAsLong();
                if (unreachable == null || left <= 0) {
                    throw e;
                }
                Duration wait = Duration.ofNanos(Math.min(pause.toNanos(), left));
                log.warn("{}: no database connection at attempt {} ({}); trying again in {} ms, for up to {} s more",
                        what, attempt, unreachable.getMessage(), wait.toMillis(), Duration.ofNanos(left).toSeconds());
                sleep(wait, e);
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration pause, RuntimeException failure) {
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(interrupted);
            throw failure;
        }
    }

    /** The pool's "no connection within the timeout" anywhere in the cause chain (Flyway wraps it), or null. */
    static SQLTransientConnectionException unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException e) {
                return e;
            }
        }
        return null;
    }
}
