package org.fabrique.coordinator.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.fabrique.coordinator.system.FabriqueProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Tails the {@code events} collection and multicasts new events to live subscribers on this
 * instance, whichever instance wrote them. Polling by sequence number works on every store (the
 * embedded server and a standalone MongoDB have no change streams by default).
 *
 * <p>Sequence numbers are taken before the insert, so event 7 can become visible before event 6.
 * The feed delivers in order: on a gap it waits up to {@code gapWait} for the missing event, then
 * goes on without it (its writer died between taking the number and inserting).
 */
@Component
public class EventFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);
    private static final int BATCH = 500;

    private final EventLog eventLog;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration gapWait;
    private final Sinks.Many<Event> sink = Sinks.many().multicast().directBestEffort();
    private final AtomicLong delivered = new AtomicLong(-1);
    private volatile Instant gapSince;
    private volatile Disposable polling;

    public EventFeed(EventLog eventLog, Clock clock, FabriqueProperties properties) {
        this.eventLog = eventLog;
        this.clock = clock;
        this.pollInterval = properties.events().pollInterval();
        this.gapWait = properties.events().gapWait();
    }

    /** Live events from now on. */
    public Flux<Event> live() {
        return sink.asFlux();
    }

    /** The sequence number of the last event delivered to live subscribers. */
    public long deliveredSeq() {
        return delivered.get();
    }

    @Override
    public void start() {
        delivered.set(eventLog.lastSeq().blockOptional().orElse(0L));
        polling = Flux.interval(pollInterval, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> eventLog.after(delivered.get(), BATCH).collectList()
                        .doOnNext(this::deliver)
                        .onErrorResume(e -> {
                            log.warn("Event feed poll failed: {}", e.getMessage());
                            return reactor.core.publisher.Mono.empty();
                        }), 1)
                .subscribe();
    }

    void deliver(List<Event> batch) {
        for (Event event : batch) {
            long expected = delivered.get() + 1;
            if (event.seq() > expected) {
                Instant now = clock.instant();
                if (gapSince == null) {
                    gapSince = now;
                }
                if (Duration.between(gapSince, now).compareTo(gapWait) < 0) {
                    return;
                }
                log.info("Event feed skips events {}..{} that never appeared", expected, event.seq() - 1);
            }
            gapSince = null;
            delivered.set(event.seq());
            sink.tryEmitNext(event);
        }
    }

    @Override
    public void stop() {
        Disposable current = polling;
        if (current != null) {
            current.dispose();
        }
        sink.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return polling != null && !polling.isDisposed();
    }
}
