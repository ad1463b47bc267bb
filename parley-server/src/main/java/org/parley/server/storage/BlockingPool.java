package org.parley.server.storage;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool where blocking work runs (JDBC, LDAP, password hashing, HTTP calls), so that
 * no event loop and no actor ever waits on I/O. Callers continue on their own executor with
 * {@code thenAcceptAsync(..., ownerExecutor)}. A full queue fails the future instead of growing
 * without bound: the caller answers the client with a wait-type error.
 */
public final class BlockingPool implements AutoCloseable {

    private static final long CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ThreadPoolExecutor executor;
    /** Work accepted and not yet finished, including what a finishing task starts synchronously. */
    private final AtomicInteger inFlight = new AtomicInteger();

    public BlockingPool(int threads, int queueCapacity) {
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "parley-blocking-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code work} on the pool; the future fails with the work's exception. */
    public <T> CompletableFuture<T> supply(BlockingWork<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        inFlight.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    future.complete(work.call());
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                } finally {
                    // After complete(): dependents ran on this thread and any work they queued is counted.
                    inFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            future.completeExceptionally(new StorageException("blocking pool saturated", e));
        }
        return future;
    }

    public CompletableFuture<Void> run(BlockingRunnable work) {
        return supply(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Finishes the accepted work, then stops. Work can start more work as it completes (the next
     * offline message for a user is written when the previous write is done, see KeyedSequencer),
     * and a shut-down executor would refuse that follow-up and lose an acknowledged write. So the
     * pool keeps accepting until nothing is in flight (at most ten seconds), and only then shuts down.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
        try {
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            executor.shutdown();
            executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            executor.shutdown();
            Thread.currentThread().interrupt();
        }
    }

    /** A unit of blocking work that returns a value. */
    @FunctionalInterface
    public interface BlockingWork<T> {
        T call() throws Exception;
    }

    /** A unit of blocking work without a value. */
    @FunctionalInterface
    public interface BlockingRunnable {
        void run() throws Exception;
    }
}
