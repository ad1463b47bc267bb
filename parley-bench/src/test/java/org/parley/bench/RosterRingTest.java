package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RosterRingTest {

    @Test
    void contactsAreTheNeighboursOnBothSidesOfTheRingAndMutual() {
        RosterRing ring = new RosterRing(Arrays.asList(new XmppClient[10]), 4);
        assertThat(ring.contactsOf(0)).containsExactlyInAnyOrder(1, 2, 9, 8);
        for (int i = 0; i < 10; i++) {
            for (int j : ring.contactsOf(i)) {
                assertThat(ring.contactsOf(j)).contains(i);
            }
        }
        assertThatThrownBy(() -> new RosterRing(Arrays.asList(new XmppClient[10]), 3)).hasMessageContaining("even");
    }

    @Test
    void pacerStopsAtItsCountAndHandsOutIndexesInOrder() {
        List<Long> seen = new ArrayList<>();
        long issued = Pacer.run(1_000_000, 25, Duration.ofMinutes(1), (i, t) -> seen.add(i));
        assertThat(issued).isEqualTo(25);
        assertThat(seen).hasSize(25).isSorted().startsWith(0L).endsWith(24L);
    }

    @Test
    void accountsFollowThePattern() {
        Accounts a = new Accounts("bench%d", 1, "secret");
        assertThat(a.user(0)).isEqualTo("bench1");
        assertThat(a.user(41)).isEqualTo("bench42");
    }
}
