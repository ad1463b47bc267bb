package org.parley.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scenario's result file: what was measured (target, machine, every parameter) and the
 * figures of each measured run with their medians, so runs can be compared much later.
 *
 * @param runs    the measured runs (warm-up runs are not kept)
 * @param median  per figure, the median over {@code runs}
 * @param steps   the knee's rows, from the run whose knee rate is the median
 */
public record BenchResult(String scenario, String targetName, String targetVersion, int cores, String generator,
                          String startedAt, Map<String, String> parameters, List<Measurement> runs,
                          Map<String, Double> median, List<Map<String, Double>> steps) {

    public static BenchResult of(String scenario, String targetName, String targetVersion, int cores, String generator,
                                 String startedAt, Map<String, String> parameters, List<Measurement> runs) {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> names.addAll(r.figures().keySet()));
        Map<String, Double> median = new LinkedHashMap<>();
        for (String n : names) {
            List<Double> values = new ArrayList<>();
            runs.forEach(r -> values.add(r.figures().getOrDefault(n, Double.NaN)));
            median.put(n, Stats.median(values));
        }
        List<Map<String, Double>> steps = runs.isEmpty() ? List.of() : medianRun(runs, median).steps();
        return new BenchResult(scenario, targetName, targetVersion, cores, generator, startedAt,
                parameters, runs, Measurement.withoutNaN(median), steps);
    }

    /** The run closest to the median on the first figure, to show its steps as a typical run. */
    private static Measurement medianRun(List<Measurement> runs, Map<String, Double> median) {
        if (median.isEmpty()) {
            return runs.get(0);
        }
        String first = median.keySet().iterator().next();
        double m = median.get(first);
        Measurement best = runs.get(0);
        for (Measurement r : runs) {
            if (Math.abs(r.figures().getOrDefault(first, Double.MAX_VALUE) - m)
                    < Math.abs(best.figures().getOrDefault(first, Double.MAX_VALUE) - m)) {
                best = r;
            }
        }
        return best;
    }

    /** "prosody 0.12.3", the column label used in tables. */
    public String label() {
        return targetVersion == null || targetVersion.isBlank() ? targetName : targetName + " " + targetVersion;
    }
}
