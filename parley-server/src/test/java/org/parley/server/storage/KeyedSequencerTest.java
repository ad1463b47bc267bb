package org.parley.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class KeyedSequencerTest {

    @Test
    void workForOneKeyRunsInSubmissionOrderEvenWhenEarlierWorkFails() {
        KeyedSequencer<String> sequencer = new KeyedSequencer<>();
        List<Integer> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        CompletableFuture<Integer> first = sequencer.submit("bob", () -> gate.thenApply(x -> {
            order.add(1);
            throw new IllegalStateException("first fails");
        }));
        CompletableFuture<Integer> second = sequencer.submit("bob", () -> {
            order.add(2);
            return CompletableFuture.completedFuture(2);
        });
        CompletableFuture<Integer> other = sequencer.submit("carol", () -> {
            order.add(3);
            return CompletableFuture.completedFuture(3);
        });
        assertThat(other.join()).isEqualTo(3);
        assertThat(second).isNotDone();
        gate.complete(null);
        assertThat(second.join()).isEqualTo(2);
        assertThat(first).isCompletedExceptionally();
        assertThat(order).containsExactly(3, 1, 2);
    }
}
