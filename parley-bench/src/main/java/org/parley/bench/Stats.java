package org.parley.bench;

import java.util.Collection;
import org.HdrHistogram.Histogram;

/** The little arithmetic the reports need, kept in one place so tests pin it down. */
public final class Stats {

    private Stats() {
    }

    /** The median; for an even count the mean of the two middle values; NaN for none. */
    public static double median(Collection<Double> values) {
        double[] v = values.stream().filter(d -> d != null && !d.isNaN()).mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** A percentile of a histogram recorded in microseconds, in milliseconds. */
    public static double percentileMs(Histogram microsHistogram, double percentile) {
        return microsHistogram.getTotalCount() == 0 ? Double.NaN : microsHistogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public static double maxMs(Histogram microsHistogram) {
        return microsHistogram.getTotalCount() == 0 ? Double.NaN : microsHistogram.getMaxValue() / 1000.0;
    }

    /** b / a, or NaN when a is zero or either is missing, so a table never shows infinity. */
    public static double ratio(double a, double b) {
        return a == 0 || Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : b / a;
    }
}
