package org.fabrique.loadgen;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One timed stretch of load: the requests of each operation, what the coordinator and the load
 * generator spent in CPU meanwhile, and notes. {@link #print} writes the figures as a table.
 */
final class Phase {

    private final String title;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private Instant ended;
    private final Map<String, Recorder> recorders = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final ProcessProbe coordinator;
    private final ProcessProbe self = ProcessProbe.self();
    private ProcessProbe.Sample coordinatorStart;
    private ProcessProbe.Sample coordinatorEnd;
    private ProcessProbe.Sample selfStart;
    private ProcessProbe.Sample selfEnd;
    private final ProcessProbe.MachineSample machineStart;
    private ProcessProbe.MachineSample machineEnd;

    /** Starts the clock; {@code coordinator} may be null when the coordinator runs elsewhere. */
    Phase(String title, ProcessProbe coordinator) {
        this.title = title;
        this.coordinator = coordinator;
        this.coordinatorStart = coordinator == null ? null : coordinator.sample();
        this.selfStart = self.sample();
        this.machineStart = ProcessProbe.MachineSample.now();
    }

    synchronized Recorder op(String operation) {
        return recorders.computeIfAbsent(operation, Recorder::new);
    }

    synchronized void note(String format, Object... args) {
        notes.add(String.format(Locale.ROOT, format, args));
    }

    /** Stops the clock; figures refer to the time between construction and this call. */
    Phase finish() {
        selfEnd = self.sample();
        ended = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        machineEnd = ProcessProbe.MachineSample.now();
        coordinatorEnd = coordinator == null ? null : coordinator.sample();
        return this;
    }

    double seconds() {
        return (selfEnd.nanoTime() - selfStart.nanoTime()) / 1e9;
    }

    Recorder.Summary summary(String operation) {
        return op(operation).summary();
    }

    long requests() {
        return recorders.values().stream().mapToLong(r -> r.summary().sent()).sum();
    }

    /** Average number of cores the coordinator kept busy, or NaN when it is not observed. */
    double coordinatorCores() {
        return coordinatorEnd == null ? Double.NaN : cpuSeconds(coordinatorStart, coordinatorEnd) / seconds();
    }

    String coordinatorRss() {
        return coordinatorEnd == null ? "n/a" : Format.megabytes(coordinatorEnd.rssBytes());
    }

    void print(PrintStream out) {
        out.println();
        out.println("== " + title + " ==");
        List<Recorder.Summary> summaries = recorders.values().stream().map(Recorder::summary).toList();
        if (!summaries.isEmpty()) {
            out.printf(Locale.ROOT, "%-22s %8s %8s %7s %9s %9s %9s %9s %9s%n",
                    "operation", "sent", "2xx", "other", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms");
        }
        for (Recorder.Summary s : summaries) {
            out.printf(Locale.ROOT, "%-22s %8d %8d %7d %9.1f %9s %9s %9s %9s%n", s.operation(), s.sent(), s.succeeded(),
                    s.failed(), s.sent() / seconds(), Format.ms(s.p50()), Format.ms(s.p90()), Format.ms(s.p99()),
                    Format.ms(s.max()));
        }
        for (Recorder.Summary s : summaries) {
            String outcomes = s.outcomes().entrySet().stream()
                    .map(e -> e.getKey() + " ×" + e.getValue())
                    .collect(Collectors.joining(", "));
            out.println("  " + s.operation() + ": " + outcomes
                    + (s.retried() > 0 ? "; sent again with the same key after these ×" + s.retried() : "")
                    + (s.skipped() > 0 ? "; not sent (client at its in-flight limit) ×" + s.skipped() : ""));
        }
        out.println("  " + resources());
        out.println("  " + machine());
        notes.forEach(note -> out.println("  " + note));
    }

    /** How busy the whole machine was, so that load from other processes shows. */
    private String machine() {
        double busy = machineEnd.coresBusySince(machineStart);
        double ours = cpuSeconds(selfStart, selfEnd) + (coordinatorEnd == null ? 0 : cpuSeconds(coordinatorStart, coordinatorEnd));
        return String.format(Locale.ROOT, "machine: %.2f of %d cores busy, %.2f of them by other processes", busy,
                Runtime.getRuntime().availableProcessors(), Math.max(0, busy - ours / seconds()));
    }

    private static double cpuSeconds(ProcessProbe.Sample start, ProcessProbe.Sample end) {
        return (end.cpu().toNanos() - start.cpu().toNanos()) / 1e9;
    }

    private String resources() {
        double selfCpu = cpuSeconds(selfStart, selfEnd);
        String loadgen = String.format(Locale.ROOT, "load generator %.1f s CPU (%.2f cores)", selfCpu, selfCpu / seconds());
        String elapsed = String.format(Locale.ROOT, "elapsed %.2f s (from %s to %s)", seconds(), started, ended);
        if (coordinatorEnd == null) {
            return elapsed + "; " + loadgen;
        }
        double cpu = cpuSeconds(coordinatorStart, coordinatorEnd);
        long requests = requests();
        return String.format(Locale.ROOT,
                "%s; coordinator %.1f s CPU (%.2f cores, %s CPU per request), RSS %s; %s",
                elapsed, cpu, cpu / seconds(), requests == 0 ? "n/a" : Format.ms(cpu * 1000 / requests) + " ms",
                coordinatorRss(), loadgen);
    }
}
