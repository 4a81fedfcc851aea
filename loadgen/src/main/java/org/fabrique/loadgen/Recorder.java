package org.fabrique.loadgen;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the requests of one kind gave during one phase: the latency of every answered request and a
 * count per outcome ({@code 201}, {@code 409 /problems/illegal-transition}, {@code timeout}, ...).
 * Requests that were never sent (the client was at its concurrency limit) and requests sent again
 * with the same idempotency key are counted apart.
 */
final class Recorder {

    /** The figures of one operation, latencies in milliseconds. */
    record Summary(String operation, long sent, long succeeded, long skipped, long retried, Map<String, Long> outcomes,
            double p50, double p90, double p99, double max) {

        long failed() {
            return sent - succeeded;
        }
    }

    private final String operation;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private long[] latencies = new long[256];
    private int answered;
    private long sent;
    private long succeeded;
    private long skipped;
    private long retried;

    Recorder(String operation) {
        this.operation = operation;
    }

    String operation() {
        return operation;
    }

    /** An HTTP answer; 2xx counts as a success. */
    synchronized void answered(int status, String problemType, long nanos) {
        if (answered == latencies.length) {
            latencies = Arrays.copyOf(latencies, answered * 2);
        }
        latencies[answered++] = nanos;
        sent++;
        if (status >= 200 && status < 300) {
            succeeded++;
        }
        count(problemType == null ? Integer.toString(status) : status + " " + problemType);
    }

    /** A request that got no HTTP answer (timeout, refused or reset connection). */
    synchronized void failed(String reason) {
        sent++;
        count(reason);
    }

    /** A request the client did not send because it already had its maximum in flight. */
    synchronized void skipped() {
        skipped++;
    }

    /** A request that is sent again with the same idempotency key after this outcome. */
    synchronized void retried() {
        retried++;
    }

    synchronized Summary summary() {
        if (answered == 0) {
            return new Summary(operation, sent, succeeded, skipped, retried, Map.copyOf(outcomes), Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
        }
        Percentiles p = Percentiles.of(latencies, answered);
        return new Summary(operation, sent, succeeded, skipped, retried, new TreeMap<>(outcomes), ms(p.at(50)),
                ms(p.at(90)), ms(p.at(99)), ms(p.max()));
    }

    private void count(String outcome) {
        outcomes.merge(outcome, 1L, Long::sum);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
