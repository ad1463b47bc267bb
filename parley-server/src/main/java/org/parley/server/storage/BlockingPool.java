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

    private final ThreadPoolExecutor executor;

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
        try {
            executor.execute(() -> {
                try {
                    future.complete(work.call());
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
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

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
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
