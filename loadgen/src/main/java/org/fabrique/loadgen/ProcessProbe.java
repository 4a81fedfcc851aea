package org.fabrique.loadgen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * CPU time and resident memory of a process on this machine (Linux), so that each phase can say
 * how much of the machine the coordinator used and how much went to the load generator itself.
 */
final class ProcessProbe {

    /** A reading; {@code rssBytes} is empty where {@code /proc} cannot be read. */
    record Sample(long nanoTime, Duration cpu, OptionalLong rssBytes, OptionalLong peakRssBytes) {
    }

    /** Jiffies since boot, all CPUs together, from the first line of {@code /proc/stat}; empty elsewhere. */
    record MachineSample(long busy, long total) {

        static MachineSample now() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < Math.min(fields.length, 9); i++) {
                    total += Long.parseLong(fields[i]);
                }
                long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
                return new MachineSample(total - idle, total);
            } catch (IOException | RuntimeException e) {
                return new MachineSample(0, 0);
            }
        }

        /** Cores busy on average between {@code earlier} and this sample, or NaN. */
        double coresBusySince(MachineSample earlier) {
            long total = this.total - earlier.total;
            return total <= 0 ? Double.NaN
                    : (double) (busy - earlier.busy) / total * Runtime.getRuntime().availableProcessors();
        }
    }

    private final ProcessHandle process;

    private ProcessProbe(ProcessHandle process) {
        this.process = process;
    }

    static ProcessProbe self() {
        return new ProcessProbe(ProcessHandle.current());
    }

    static ProcessProbe of(long pid) {
        return new ProcessProbe(ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalArgumentException("no process with pid " + pid)));
    }

    Sample sample() {
        Duration cpu = process.info().totalCpuDuration().orElse(Duration.ZERO);
        List<String> status = readStatus();
        return new Sample(System.nanoTime(), cpu, kilobytes(status, "VmRSS:"), kilobytes(status, "VmHWM:"));
    }

    private List<String> readStatus() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static OptionalLong kilobytes(List<String> status, String field) {
        return status.stream()
                .filter(line -> line.startsWith(field))
                .mapToLong(line -> Long.parseLong(line.substring(field.length()).replace("kB", "").trim()) * 1024)
                .findFirst();
    }
}
