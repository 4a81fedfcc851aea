package org.fabrique.coordinator.demo;

import java.time.Duration;
import java.util.Random;

import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.lot.Lot;
import org.fabrique.coordinator.lot.LotState;
import org.fabrique.coordinator.lot.Lots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Demo mode only: stands in for the hospitals' staff, so that lots flow to a decision without
 * anyone at a desk. Every few seconds it receives shipped lots and decides received ones,
 * approving most and rejecting about one in ten with a reason, through the same transitions as
 * real staff (recorded as {@code system:demo-inspector@hospital:…}).
 */
@Component
@ConditionalOnProperty(name = "fabrique.demo", havingValue = "true")
class DemoInspector implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoInspector.class);
    private static final Duration INTERVAL = Duration.ofSeconds(3);
    private static final double REJECTION_RATE = 0.1;

    private final ReactiveMongoTemplate mongo;
    private final Lots lots;
    private final Random random = new Random();
    private volatile Disposable schedule;

    DemoInspector(ReactiveMongoTemplate mongo, Lots lots) {
        this.mongo = mongo;
        this.lots = lots;
    }

    Mono<Long> inspectOnce() {
        Query waiting = Query.query(Criteria.where("state").in(LotState.SHIPPED, LotState.RECEIVED)).limit(200);
        return mongo.find(waiting, Lot.class)
                .concatMap(lot -> {
                    Actor inspector = Actor.demoInspector(lot.hospitalId());
                    Mono<Lot> received = lot.state() == LotState.SHIPPED
                            ? lots.receive(lot.id(), inspector, null) : Mono.just(lot);
                    return received.flatMap(this::decide).onErrorResume(e -> {
                        log.debug("Demo inspector skipped lot {}: {}", lot.lotNumber(), e.getMessage());
                        return Mono.empty();
                    });
                })
                .count();
    }

    private Mono<Lot> decide(Lot lot) {
        Actor inspector = Actor.demoInspector(lot.hospitalId());
        boolean reject = random.nextDouble() < REJECTION_RATE;
        Mono<Lot> decided = reject
                ? lots.decide(lot.id(), LotState.REJECTED, "Demo inspection: burrs on the visor pins", inspector, null)
                : lots.decide(lot.id(), LotState.APPROVED, null, inspector, null);
        return decided.doOnNext(done -> log.info("Demo inspector: lot {} {} ({} × {})", done.lotNumber(), done.state(),
                done.printed(), done.designSlug()));
    }

    @Override
    public void start() {
        schedule = Flux.interval(INTERVAL, INTERVAL, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> inspectOnce().onErrorResume(e -> Mono.empty()), 1)
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
