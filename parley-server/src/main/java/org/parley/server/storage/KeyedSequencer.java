package org.parley.server.storage;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs asynchronous work for the same key one after another, in submission order, while work for
 * different keys runs in parallel. Used where the order of writes matters per user (offline
 * messages must be stored in the order they arrived) but the blocking pool has many threads.
 * Holds nothing for a key once its last piece of work is done.
 */
public final class KeyedSequencer<K> {

    private static final CompletableFuture<Object> DONE = CompletableFuture.completedFuture(null);

    private final Map<K, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    /** Starts {@code work} once every earlier piece of work for {@code key} has finished (either way). */
    public <T> CompletableFuture<T> submit(K key, Supplier<CompletableFuture<T>> work) {
        @SuppressWarnings("unchecked")
        CompletableFuture<T>[] mine = new CompletableFuture[1];
        tails.compute(key, (k, previous) -> {
            CompletableFuture<?> after = previous == null ? DONE : previous.handle((value, failure) -> null);
            mine[0] = after.thenCompose(ignored -> work.get());
            return mine[0];
        });
        mine[0].whenComplete((value, failure) -> tails.remove(key, mine[0]));
        return mine[0];
    }
}
