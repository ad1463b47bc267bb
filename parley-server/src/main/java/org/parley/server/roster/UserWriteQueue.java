package org.parley.server.roster;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.storage.BlockingPool;

/**
 * Runs one user's roster storage work one job at a time, in submission order, on the blocking
 * pool. Ordering per user is what keeps the hub's cached roster equal to the database: a load
 * queued after an update sees it, and updates reach the cache in the order they were stored.
 * Users with nothing queued cost nothing.
 */
final class UserWriteQueue {

    private final BlockingPool blocking;
    private final Map<EntityBareJid, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    UserWriteQueue(BlockingPool blocking) {
        this.blocking = blocking;
    }

    <T> CompletableFuture<T> submit(EntityBareJid user, BlockingPool.BlockingWork<T> work) {
        @SuppressWarnings("unchecked")
        CompletableFuture<T>[] job = new CompletableFuture[1];
        tails.compute(user, (u, previous) -> {
            CompletableFuture<?> after = previous == null ? CompletableFuture.completedFuture(null) : previous;
            // A failed predecessor must not stop the queue: each job reports its own failure.
            job[0] = after.handle((x, e) -> null).thenCompose(x -> blocking.supply(work));
            return job[0];
        });
        CompletableFuture<T> mine = job[0];
        mine.whenComplete((x, e) -> tails.remove(user, mine));
        return mine;
    }
}
