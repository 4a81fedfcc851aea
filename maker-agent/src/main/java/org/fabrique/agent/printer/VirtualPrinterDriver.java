package org.fabrique.agent.printer;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * A simulated printer, so the whole loop runs without hardware. A job takes
 * {@code estimatedTimePerItem × quantity / speedFactor} of the clock; items finish one after the other and
 * each fails with probability {@code failureRate}, drawn from the given {@link Random} (seed it for
 * repeatable runs). Progress is computed from the clock at each poll, so no thread of its own is needed.
 */
public final class VirtualPrinterDriver implements PrinterDriver {

    private final double speedFactor;
    private final double failureRate;
    private final Random random;
    private final Clock clock;

    private PrintJob job;
    private Instant startedAt;
    private Duration duration;
    private boolean[] itemFails;
    private boolean cancelled;

    public VirtualPrinterDriver(double speedFactor, double failureRate, Random random, Clock clock) {
        if (!(speedFactor > 0)) {
            throw new IllegalArgumentException("speed factor must be above 0: " + speedFactor);
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failure rate must be between 0 and 1: " + failureRate);
        }
        this.speedFactor = speedFactor;
        this.failureRate = failureRate;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "virtual";
    }

    @Override
    public void start() {
        // nothing to connect to
    }

    @Override
    public synchronized void upload(PrintJob upload) throws PrinterException {
        for (PrintFile file : upload.files()) {
            if (!Files.isReadable(file.path())) {
                throw new PrinterException("cannot read " + file.path() + " to send it to the printer");
            }
        }
    }

    @Override
    public synchronized void startPrint(PrintJob newJob) throws PrinterException {
        if (job != null && state() == PrintState.PRINTING) {
            throw new PrinterException("the virtual printer is already printing lot " + job.lotNumber());
        }
        job = newJob;
        startedAt = clock.instant();
        duration = Duration.ofNanos((long) (newJob.estimatedTimePerItem().toNanos() * (double) newJob.quantity() / speedFactor));
        itemFails = new boolean[newJob.quantity()];
        for (int i = 0; i < itemFails.length; i++) {
            itemFails[i] = random.nextDouble() < failureRate;
        }
        cancelled = false;
    }

    @Override
    public synchronized PrintStatus poll() {
        if (job == null) {
            return PrintStatus.idle();
        }
        double fraction = fraction();
        int done = fraction >= 1 ? job.quantity() : (int) Math.floor(fraction * job.quantity());
        int failed = 0;
        for (int i = 0; i < done; i++) {
            if (itemFails[i]) {
                failed++;
            }
        }
        return new PrintStatus(state(), Math.min(100, fraction * 100), done - failed, failed, null);
    }

    @Override
    public synchronized void cancel() {
        if (job != null && !state().isOver()) {
            cancelled = true;
        }
    }

    private PrintState state() {
        if (cancelled) {
            return PrintState.CANCELLED;
        }
        return fraction() >= 1 ? PrintState.FINISHED : PrintState.PRINTING;
    }

    private double fraction() {
        if (duration.isZero()) {
            return 1;
        }
        Duration elapsed = Duration.between(startedAt, clock.instant());
        return Math.max(0, (double) elapsed.toNanos() / duration.toNanos());
    }

    @Override
    public void close() {
        // nothing to disconnect from
    }
}
