package org.parley.server.directory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.server.storage.BlockingPool;

/**
 * Where directory sign-in checks wait for the directory: as many workers as pooled LDAP
 * connections (more would only wait for a connection, and would hold threads the database needs
 * if they ran on the shared blocking pool), and a bounded queue in front of them. A full queue
 * fails the check at once, which sign-in answers with temporary-auth-failure: during a directory
 * slowdown clients retry later instead of piling up work. A check whose future is cancelled
 * before its turn (its client disconnected) leaves the queue and never reaches the directory.
 */
public final class SignInQueue implements AutoCloseable {

    /** The queue was full: the directory is already behind. */
    public static final class Full extends RejectedExecutionException {
        Full(int capacity) {
            super("more than " + capacity + " sign-ins are waiting for the directory");
        }
    }

    private final ThreadPoolExecutor executor;
    private final int capacity;

    public SignInQueue(int workers, int capacity) {
        this.capacity = Math.max(1, capacity);
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(1, workers);
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(this.capacity), r -> {
                    Thread t = new Thread(r, "parley-ldap-signin-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code work} on a worker when one is free. The future fails with {@link Full} when the
     * queue is full, and with the work's exception; cancelling it before the work starts removes
     * the work from the queue unrun.
     */
    public <T> CompletableFuture<T> submit(BlockingPool.BlockingWork<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Runnable task = () -> {
            if (future.isDone()) {
                return; // cancelled while queued and not yet removed
            }
            try {
                future.complete(work.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        };
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new Full(capacity));
            return future;
        }
        future.whenComplete((v, e) -> {
            if (future.isCancelled()) {
                executor.remove(task);
            }
        });
        return future;
    }

    /** Checks waiting for a worker (not counting those running). */
    public int waiting() {
        return executor.getQueue().size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
