package org.parley.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BlockingPoolTest {

    @Test
    void closeLetsRunningWorkStartItsFollowUp() throws Exception {
        BlockingPool pool = new BlockingPool(1, 10);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = pool.run(release::await);
        // As KeyedSequencer chains one user's writes: the next starts when the previous completes.
        CompletableFuture<String> followUp = first.thenCompose(v -> pool.supply(() -> "written"));

        Thread closer = new Thread(pool::close);
        closer.start();
        // close() is waiting for the work in flight (it sleeps between checks).
        await().atMost(Duration.ofSeconds(10)).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
        release.countDown();
        closer.join();

        assertThat(followUp).isCompletedWithValue("written");
    }

    @Test
    void workAfterCloseIsRefused() {
        BlockingPool pool = new BlockingPool(1, 10);
        pool.close();
        assertThat(pool.supply(() -> "late")).isCompletedExceptionally();
    }
}
