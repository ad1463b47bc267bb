package org.parley.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run: named numbers (the unit is in the name, e.g. {@code p99Ms}), failures
 * by reason, and optional steps (the knee's per-rate rows). NaN figures are left out so that the
 * JSON stays plain JSON.
 */
public record Measurement(Map<String, Double> figures, Map<String, Long> failures, List<Map<String, Double>> steps) {

    public Measurement {
        figures = withoutNaN(figures);
        failures = Map.copyOf(failures);
        steps = steps.stream().map(Measurement::withoutNaN).toList();
    }

    static Map<String, Double> withoutNaN(Map<String, Double> in) {
        Map<String, Double> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (v != null && !v.isNaN() && !v.isInfinite()) {
                out.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Insertion-ordered figure builder, so tables list figures in the order the scenario chose. */
    public static final class Figures {
        private final Map<String, Double> map = new LinkedHashMap<>();

        public Figures put(String name, double value) {
            map.put(name, value);
            return this;
        }

        public Map<String, Double> map() {
            return map;
        }
    }
}
