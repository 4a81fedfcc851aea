package org.fabrique.coordinator.lot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.need.Need;
import org.fabrique.coordinator.need.NeedLedger;
import org.fabrique.coordinator.system.FabriqueProperties;
import org.fabrique.coordinator.system.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work is reclaimed by time, not by hope. On every instance, periodically:
 * <ol>
 * <li>lots whose lease lapsed (no heartbeat) are EXPIRED and their items return to the need —
 * exactly once even with several reapers, since the expiry is a conditional transition;</li>
 * <li>transitions whose effect on the need was interrupted (a crash between the two documents)
 * are settled;</li>
 * <li>items a claim took from a need without its lot ever being written (a crash in between) are
 * given back, after a tombstone lot is written so that a late insert of that lot cannot succeed.</li>
 * </ol>
 */
@Component
public class LeaseReaper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);
    private static final int BATCH = 500;
    static final Duration ORPHAN_AFTER = Duration.ofMinutes(2);

    public record Pass(long expired, long settled, long orphansReturned) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Lots lots;
    private final NeedLedger ledger;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Duration ledgerGrace;

    public LeaseReaper(ReactiveMongoTemplate mongo, Lots lots, NeedLedger ledger, Clock clock, MeterRegistry meters,
            FabriqueProperties properties) {
        super("Lease reaper pass", properties.lots().reaperInterval(), properties.lots().reaperInterval());
        this.mongo = mongo;
        this.lots = lots;
        this.ledger = ledger;
        this.clock = clock;
        this.meters = meters;
        this.ledgerGrace = properties.lots().ledgerGrace();
    }

    /** One pass of all three duties. */
    @Override
    public Mono<Pass> runOnce() {
        return Mono.zip(expireLapsedLeases(), settleInterrupted(), returnOrphanedAllocations())
                .map(t -> new Pass(t.getT1(), t.getT2(), t.getT3()))
                .doOnNext(pass -> {
                    if (pass.expired() + pass.settled() + pass.orphansReturned() > 0) {
                        log.info("Reaper pass: {}", pass);
                    }
                });
    }

    Mono<Long> expireLapsedLeases() {
        Instant now = clock.instant();
        Query lapsed = Query.query(Criteria.where("state").in(LotState.CLAIMED, LotState.PRINTING)
                .and("leaseExpiresAt").lt(now)).limit(BATCH);
        return mongo.find(lapsed, Lot.class)
                .concatMap(lot -> lots.expire(lot, Actor.SYSTEM_REAPER))
                .doOnNext(lot -> {
                    meters.counter("fabrique.lots.lease.expiries").increment();
                    log.info("Lot {} expired: no heartbeat since its lease lapsed at {}", lot.lotNumber(),
                            lot.history().get(lot.history().size() - 1).reason());
                })
                .count();
    }

    Mono<Long> settleInterrupted() {
        Query interrupted = Query.query(Criteria.where("ledgerPending").exists(true)
                .and("updatedAt").lt(clock.instant().minus(ledgerGrace))).limit(BATCH);
        return mongo.find(interrupted, Lot.class).concatMap(lot -> lots.settle(lot).thenReturn(lot)).count();
    }

    Mono<Long> returnOrphanedAllocations() {
        Instant cutoff = clock.instant().minus(ORPHAN_AFTER);
        Query needsWithOldEntries = Query.query(Criteria.where("active").elemMatch(
                Criteria.where("stage").is(Need.ActiveLot.Stage.ALLOCATED).and("since").lt(cutoff))).limit(BATCH);
        return mongo.find(needsWithOldEntries, Need.class)
                .concatMap(need -> {
                    List<Need.ActiveLot> old = need.active().stream()
                            .filter(entry -> entry.stage() == Need.ActiveLot.Stage.ALLOCATED && entry.since().isBefore(cutoff))
                            .toList();
                    return existingLotIds(old).flatMapMany(existing -> Flux.fromIterable(old)
                            .filter(entry -> !existing.contains(entry.lotId()))
                            .concatMap(entry -> tombstoneAndGiveBack(need, entry)));
                })
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Set<String>> existingLotIds(List<Need.ActiveLot> entries) {
        Query query = Query.query(Criteria.where("_id").in(entries.stream().map(Need.ActiveLot::lotId).toList()));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, "lots")
                .map(doc -> String.valueOf(doc.get("_id")))
                .collect(HashSet::new, Set::add);
    }

    private Mono<Boolean> tombstoneAndGiveBack(Need need, Need.ActiveLot entry) {
        Instant now = clock.instant();
        Lot tombstone = new Lot(entry.lotId(), null, entry.claimKey(), need.id(), need.hospitalId(), need.hospitalName(),
                need.hospitalArea(), entry.makerId(), null, null, null, need.designSlug(), null, null, entry.quantity(), 0, 0,
                LotState.EXPIRED, 1, null, null, null, null, entry.since(), now,
                List.of(new Lot.Transition(null, LotState.EXPIRED, now, Actor.SYSTEM_REAPER.ref(),
                        "the claim was interrupted before its lot was recorded", null)), null, false);
        return mongo.insert(tombstone)
                .flatMap(written -> ledger.giveBack(need.id(), entry.lotId(), entry.quantity()))
                .doOnNext(returned -> log.warn("Returned {} items of need {} from an interrupted claim (lot id {})",
                        entry.quantity(), need.id(), entry.lotId()))
                .onErrorResume(DuplicateKeyException.class, lotExistsAfterAll -> Mono.just(false));
    }
}
