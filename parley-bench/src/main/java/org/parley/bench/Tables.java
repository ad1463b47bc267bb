package org.parley.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Plain-text tables: one result with its runs, and several results side by side with ratios. */
public final class Tables {

    private Tables() {
    }

    /** Figures down, runs across, median last; then failures and the knee steps if any. */
    public static String result(BenchResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.scenario()).append(" against ").append(r.label()).append(" (").append(r.cores())
                .append(" cores; generator ").append(r.generator()).append(")\n");
        List<String> header = new ArrayList<>(List.of("figure"));
        for (int i = 0; i < r.runs().size(); i++) {
            header.add("run " + (i + 1));
        }
        header.add("median");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Double> e : r.median().entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getKey()));
            r.runs().forEach(m -> row.add(number(m.figures().getOrDefault(e.getKey(), Double.NaN))));
            row.add(number(e.getValue()));
            rows.add(row);
        }
        sb.append(grid(header, rows));
        for (int i = 0; i < r.runs().size(); i++) {
            int run = i + 1;
            r.runs().get(i).failures().forEach((reason, n) ->
                    sb.append("  run ").append(run).append(" failures: ").append(n).append(" × ").append(reason).append('\n'));
        }
        if (!r.steps().isEmpty()) {
            Set<String> cols = new LinkedHashSet<>();
            r.steps().forEach(s -> cols.addAll(s.keySet()));
            List<List<String>> stepRows = new ArrayList<>();
            for (Map<String, Double> s : r.steps()) {
                List<String> row = new ArrayList<>();
                cols.forEach(c -> row.add(number(s.getOrDefault(c, Double.NaN))));
                stepRows.add(row);
            }
            sb.append("steps:\n").append(grid(new ArrayList<>(cols), stepRows));
        }
        return sb.toString();
    }

    /**
     * Results side by side on their median figures, each also as a ratio to the first result
     * (the baseline); results of different scenarios are compared on the figures they share.
     */
    public static String compare(List<BenchResult> results) {
        if (results.isEmpty()) {
            return "";
        }
        BenchResult base = results.get(0);
        Set<String> names = new LinkedHashSet<>();
        results.forEach(r -> names.addAll(r.median().keySet()));
        List<String> header = new ArrayList<>(List.of("figure"));
        results.forEach(r -> header.add(r.label()));
        for (int i = 1; i < results.size(); i++) {
            header.add(results.get(i).label() + " / " + base.label());
        }
        List<List<String>> rows = new ArrayList<>();
        for (String n : names) {
            List<String> row = new ArrayList<>(List.of(n));
            results.forEach(r -> row.add(number(r.median().getOrDefault(n, Double.NaN))));
            double b = base.median().getOrDefault(n, Double.NaN);
            for (int i = 1; i < results.size(); i++) {
                double ratio = Stats.ratio(b, results.get(i).median().getOrDefault(n, Double.NaN));
                row.add(Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f×", ratio));
            }
            rows.add(row);
        }
        return grid(header, rows);
    }

    /** Whole numbers without decimals, small ones with up to three significant decimals, NaN as "-". */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }

    static String grid(List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, w);
        List<String> rule = new ArrayList<>();
        for (int x : w) {
            rule.add("-".repeat(x));
        }
        line(sb, rule, w);
        rows.forEach(r -> line(sb, r, w));
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i == 0) {
                sb.append(c).append(" ".repeat(w[i] - c.length()));
            } else {
                sb.append("  ").append(" ".repeat(w[i] - c.length())).append(c);
            }
        }
        sb.append('\n');
    }
}
