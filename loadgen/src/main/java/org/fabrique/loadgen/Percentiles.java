package org.fabrique.loadgen;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of latencies: the value below which {@code p} percent of them lie. */
final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Sorts a copy of the first {@code count} values. */
    static Percentiles of(long[] values, int count) {
        long[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    /**
     * The smallest value such that at least {@code p} percent of the values are less than or equal
     * to it; {@code p = 0} gives the minimum and {@code p = 100} the maximum.
     */
    long at(double p) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no values");
        }
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be between 0 and 100, got " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    long max() {
        return at(100);
    }
}
