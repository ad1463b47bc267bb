package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfOddAndEvenCountsIgnoringMissingValues() {
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Stats.median(Arrays.asList(5.0, Double.NaN, 1.0, null, 3.0))).isEqualTo(3.0);
        assertThat(Stats.median(List.of())).isNaN();
    }

    @Test
    void percentilesOfAMicrosecondHistogramInMilliseconds() {
        Histogram h = new Histogram(3);
        for (int ms = 1; ms <= 100; ms++) {
            h.recordValue(ms * 1000L);
        }
        assertThat(Stats.percentileMs(h, 50)).isCloseTo(50.0, within(0.05));
        assertThat(Stats.percentileMs(h, 99)).isCloseTo(99.0, within(0.1));
        assertThat(Stats.maxMs(h)).isCloseTo(100.0, within(0.1));
        assertThat(Stats.percentileMs(new Histogram(3), 99)).isNaN();
    }

    @Test
    void ratiosNeverDivideByZero() {
        assertThat(Stats.ratio(2, 6)).isEqualTo(3.0);
        assertThat(Stats.ratio(0, 6)).isNaN();
        assertThat(Stats.ratio(Double.NaN, 6)).isNaN();
    }

    @Test
    void resultMediansAreTakenPerFigureOverTheMeasuredRuns() {
        List<Measurement> runs = List.of(
                new Measurement(Map.of("p99Ms", 10.0, "lost", 0.0), Map.of(), List.of()),
                new Measurement(Map.of("p99Ms", 30.0, "lost", 0.0), Map.of("timeout", 1L), List.of()),
                new Measurement(Map.of("p99Ms", 20.0), Map.of(), List.of()));
        BenchResult r = BenchResult.of("chat", "prosody", "0.12.3", 2, "test", "now", Map.of(), runs);
        assertThat(r.median()).containsEntry("p99Ms", 20.0).containsEntry("lost", 0.0);
    }

    @Test
    void procStatAndStatusAreParsedEvenWithSpacesInTheCommandName() {
        String stat = "4242 (beam smp (x)) S 1 4242 4242 0 -1 4194560 5000 0 0 0 250 75 0 0 20 0 30 0 1234 1000 200";
        assertThat(ProcessSample.cpuNanos(stat)).isEqualTo(325 * 10_000_000L);
        assertThat(ProcessSample.rssKb("Name:\tlua5.4\nVmPeak:\t  9000 kB\nVmRSS:\t   17820 kB\nThreads:\t1\n")).isEqualTo(17820);
    }

    @Test
    void hostStealIsTheStealColumnSharedOverEveryCpu() {
        String before = "cpu  100 0 50 900 0 0 0 20 0 0\ncpu0 50 0 25 450 0 0 0 10 0 0\ncpu1 50 0 25 450 0 0 0 10 0 0\nintr 5\n";
        String after = "cpu  150 0 60 1000 0 0 0 70 0 0\ncpu0 75 0 30 500 0 0 0 35 0 0\ncpu1 75 0 30 500 0 0 0 35 0 0\nintr 9\n";
        HostSteal b = HostSteal.of(before, 0);
        HostSteal a = HostSteal.of(after, 1_000_000_000L);
        assertThat(a.cpus()).isEqualTo(2);
        // 50 ticks of 10 ms stolen in one second over two CPUs: a quarter of the machine.
        assertThat(a.pctSince(b)).isEqualTo(25.0);
    }
}
