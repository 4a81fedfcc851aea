package org.fabrique.coordinator.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.inspection.Inspection;
import org.fabrique.coordinator.inspection.Inspections;
import org.fabrique.coordinator.lot.Lot;
import org.fabrique.coordinator.lot.LotState;
import org.fabrique.coordinator.lot.Lots;
import org.fabrique.coordinator.system.PeriodicTask;
import org.fabrique.designs.DesignManifest.QcItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Demo mode only: stands in for the hospitals' staff, so that lots flow to a decision without
 * anyone at a desk. Every few seconds it receives shipped lots and inspects received ones with
 * the design's sampling plan and checklist, through the same inspection as real staff (recorded
 * as {@code system:demo-inspector@hospital:…}). Each sampled item fails a check with a small
 * probability, so about one lot in ten is rejected, as the plan decides.
 */
@Component
@ConditionalOnProperty(name = "fabrique.demo", havingValue = "true")
class DemoInspector extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DemoInspector.class);
    private static final Duration INTERVAL = Duration.ofSeconds(3);
    private static final double ITEM_DEFECT_RATE = 0.04;

    private final ReactiveMongoTemplate mongo;
    private final Lots lots;
    private final Inspections inspections;
    private final Random random = new Random();

    DemoInspector(ReactiveMongoTemplate mongo, Lots lots, Inspections inspections) {
        super("Demo inspection", INTERVAL, INTERVAL);
        this.mongo = mongo;
        this.lots = lots;
        this.inspections = inspections;
    }

    @Override
    public Mono<Long> runOnce() {
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
        return inspections.view(lot.id(), inspector)
                .flatMap(open -> inspections.record(lot.id(), new Inspections.Request(samples(open), null, false, null),
                        inspector, null))
                .doOnNext(done -> log.info("Demo inspector: lot {} {} ({} defective of {} sampled)", done.lotNumber(),
                        done.decision(), done.defectives(), done.samples().size()))
                .thenReturn(lot);
    }

    private List<Inspection.Sample> samples(Inspections.View open) {
        List<Inspection.Sample> samples = new ArrayList<>();
        for (int i = 0; i < open.plan().sampleSize(); i++) {
            boolean defective = random.nextDouble() < ITEM_DEFECT_RATE;
            List<Inspection.Result> results = new ArrayList<>();
            for (int c = 0; c < open.checklist().size(); c++) {
                QcItem check = open.checklist().get(c);
                boolean pass = !(defective && c == open.checklist().size() - 1);
                Double measured = check.measure() == null ? null
                        : check.measure().nominal() + (pass ? 0 : 2 * check.measure().tolerance() + 1);
                results.add(new Inspection.Result(check.id(), pass, measured, pass ? null : "demo defect"));
            }
            samples.add(new Inspection.Sample(i + 1, results));
        }
        return samples;
    }
}
