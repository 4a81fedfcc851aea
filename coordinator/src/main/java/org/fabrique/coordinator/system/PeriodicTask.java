package org.fabrique.coordinator.system;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Work each coordinator instance does on a timer (reaping leases, counting figures…), started and
 * stopped with the application. Runs never overlap; a failed run is logged and the next one comes
 * at its time. Tests call {@link #runOnce()} directly instead of waiting for the timer.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String description;
    private final Duration firstRun;
    private final Duration interval;
    private volatile Disposable schedule;

    protected PeriodicTask(String description, Duration firstRun, Duration interval) {
        this.description = description;
        this.firstRun = firstRun;
        this.interval = interval;
    }

    /** One run of the task. */
    public abstract Mono<?> runOnce();

    @Override
    public void start() {
        schedule = Flux.interval(firstRun, interval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> runOnce().onErrorResume(e -> {
                    log.warn("{} failed: {}", description, e.getMessage());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = schedule;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null && !schedule.isDisposed();
    }
}
