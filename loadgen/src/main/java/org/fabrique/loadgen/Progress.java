package org.fabrique.loadgen;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints a line now and then while something long runs, so that a quiet terminal is not taken for a hang. */
final class Progress implements AutoCloseable {

    private static final Duration PERIOD = Duration.ofSeconds(30);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "loadgen-progress");
        thread.setDaemon(true);
        return thread;
    });

    private Progress(PrintStream out, Supplier<String> line) {
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(() -> out.printf("  ... %s after %d s%n", line.get(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)), PERIOD.toSeconds(), PERIOD.toSeconds(), TimeUnit.SECONDS);
    }

    static Progress every30Seconds(PrintStream out, Supplier<String> line) {
        return new Progress(out, line);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
