package org.fabrique.coordinator.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.bson.types.ObjectId;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.design.Design;
import org.fabrique.designs.DesignStatus;
import org.fabrique.coordinator.design.Designs;
import org.fabrique.coordinator.event.EventLog;
import org.fabrique.coordinator.lot.Lot;
import org.fabrique.coordinator.lot.LotNumbers;
import org.fabrique.coordinator.lot.LotState;
import org.fabrique.coordinator.lot.Lots;
import org.fabrique.coordinator.maker.Maker;
import org.fabrique.coordinator.maker.Makers;
import org.fabrique.coordinator.maker.Printer;
import org.fabrique.coordinator.maker.TrustPolicy;
import org.fabrique.coordinator.need.Need;
import org.fabrique.coordinator.need.NeedLedger;
import org.fabrique.coordinator.need.Needs;
import org.fabrique.coordinator.system.FabriqueProperties;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.fabrique.coordinator.system.store.Sequences;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A maker's agent asks for work for one printer; this allocates a lot from the best need it can
 * serve. The items are taken from the need by one conditional update ({@link NeedLedger#allocate})
 * and only then is the lot written; a claim retried with the same idempotency key finds its lot by
 * {@code claimKey} instead of allocating twice.
 */
@Service
public class Claims {

    static final String LOT_SEQUENCE = "lots";
    private static final int MAX_ALLOCATION_ATTEMPTS = 8;

    /**
     * The open needs and published designs, shared by the claims of a short while
     * ({@code fabrique.lots.claim-snapshot-ttl}, one second by default): a new need becomes
     * claimable within that time. The allocation itself always checks the store.
     */
    record Snapshot(List<Need> needs, Map<String, List<Design>> publishedBySlug) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Needs needs;
    private final NeedLedger ledger;
    private final Designs designs;
    private final Makers makers;
    private final Lots lots;
    private final TrustPolicy trust;
    private final Allocator allocator;
    private final Sequences sequences;
    private final EventLog events;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Mono<Snapshot> snapshot;

    public Claims(ReactiveMongoTemplate mongo, Needs needs, NeedLedger ledger, Designs designs, Makers makers, Lots lots,
            TrustPolicy trust, Allocator allocator, Sequences sequences, EventLog events, Clock clock, MeterRegistry meters,
            FabriqueProperties properties) {
        this.mongo = mongo;
        this.needs = needs;
        this.ledger = ledger;
        this.designs = designs;
        this.makers = makers;
        this.lots = lots;
        this.trust = trust;
        this.allocator = allocator;
        this.sequences = sequences;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        this.snapshot = Mono.zip(needs.claimable().collectList(), designs.withStatus(DesignStatus.PUBLISHED).collectList())
                .map(t -> new Snapshot(t.getT1(), t.getT2().stream()
                        .sorted(Comparator.comparing(Design::version, Designs.NEWEST_FIRST))
                        .collect(Collectors.groupingBy(Design::slug))))
                .cache(s -> properties.lots().claimSnapshotTtl(), e -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** The lot allocated for this request, or empty when no open need fits the printer. */
    public Mono<Lot> claim(Actor actor, String printerId, int maxItems, String idempotencyKey) {
        String makerId = actor.requireMaker();
        String claimKey = makerId + ":" + idempotencyKey;
        Timer.Sample timing = Timer.start(meters);
        return findByClaimKey(claimKey)
                .flatMap(existing -> lots.settle(existing).thenReturn(existing))
                .switchIfEmpty(Mono.defer(() -> makers.find(makerId).flatMap(maker -> allocate(actor, maker, printerId,
                        maxItems, claimKey))))
                .doOnNext(lot -> outcome(timing, "granted"))
                .switchIfEmpty(Mono.fromRunnable(() -> outcome(timing, "no-work")))
                .doOnError(e -> outcome(timing, "refused"));
    }

    private void outcome(Timer.Sample timing, String outcome) {
        timing.stop(meters.timer("fabrique.claims", "outcome", outcome));
    }

    private Mono<Lot> allocate(Actor actor, Maker maker, String printerId, int maxItems, String claimKey) {
        Printer printer = maker.printer(printerId).orElseThrow(() -> new ApiException(ProblemType.PRINTER_NOT_FOUND,
                "Printer '" + printerId + "' is not declared; declare it with PUT /api/makers/me/printers/" + printerId));
        int cap = trust.batchCap(maker.trustLevel(), maker.trackRecord());
        if (cap == 0) {
            return Mono.error(ApiException.forbidden("This maker account is suspended; contact a coordinator"));
        }
        int wanted = Math.min(maxItems, cap);
        return snapshot.flatMap(s -> {
            List<Candidate> ranked = allocator.rank(maker, printer, s.needs(), s.publishedBySlug());
            return tryCandidates(new ArrayList<>(ranked), 0, actor, maker, printer, wanted, claimKey);
        });
    }

    private Mono<Lot> tryCandidates(List<Candidate> ranked, int attempts, Actor actor, Maker maker, Printer printer,
            int wanted, String claimKey) {
        if (ranked.isEmpty() || attempts >= MAX_ALLOCATION_ATTEMPTS) {
            return Mono.empty();
        }
        Candidate best = ranked.remove(0);
        int guess = Math.min(wanted, best.need().open());
        Mono<Lot> fromFreshCount = Mono.defer(() -> needs.openItems(best.need().id())
                .map(open -> Math.min(wanted, open))
                .filter(quantity -> quantity > 0 && quantity != guess)
                .flatMap(quantity -> allocateFrom(best, quantity, actor, maker, printer, claimKey)));
        return allocateFrom(best, guess, actor, maker, printer, claimKey)
                .switchIfEmpty(fromFreshCount)
                .switchIfEmpty(Mono.defer(() -> tryCandidates(ranked, attempts + 1, actor, maker, printer, wanted, claimKey)));
    }

    private Mono<Lot> allocateFrom(Candidate candidate, int quantity, Actor actor, Maker maker, Printer printer,
            String claimKey) {
        String lotId = new ObjectId().toHexString();
        Instant now = clock.instant();
        Need.ActiveLot entry = new Need.ActiveLot(lotId, quantity, Need.ActiveLot.Stage.ALLOCATED, maker.id(), claimKey, now);
        return ledger.allocate(candidate.need().id(), entry)
                .flatMap(need -> sequences.next(LOT_SEQUENCE)
                        .map(sequence -> newLot(lotId, LotNumbers.format(sequence), claimKey, need, candidate, quantity,
                                maker, printer, actor, now))
                        .flatMap(lot -> mongo.insert(lot)
                                .onErrorResume(DuplicateKeyException.class, duplicate -> ledger
                                        .giveBack(need.id(), lotId, quantity)
                                        .then(findByClaimKey(claimKey))))
                        .flatMap(lot -> events.append(new EventLog.Draft("lot.claimed", actor, lot.hospitalId(), lot.makerId(),
                                lot.needId(), lot.id(), Map.of("lotNumber", lot.lotNumber(), "quantity", lot.quantity(),
                                        "design", lot.designSlug() + "@" + lot.designVersion(), "material", lot.material())))
                                .thenReturn(lot)));
    }

    private Lot newLot(String lotId, String lotNumber, String claimKey, Need need, Candidate candidate, int quantity,
            Maker maker, Printer printer, Actor actor, Instant now) {
        return new Lot(lotId, lotNumber, claimKey, need.id(), need.hospitalId(), need.hospitalName(), need.hospitalArea(),
                maker.id(), maker.area(), printer.printerId(), printer, candidate.design().slug(), candidate.design().version(),
                candidate.material().name(), quantity, 0, 0, LotState.CLAIMED, 0, now.plus(lots.lease()), null, null, null,
                now, now, List.of(new Lot.Transition(null, LotState.CLAIMED, now, actor.ref(), null, claimKey)), null, false);
    }

    private Mono<Lot> findByClaimKey(String claimKey) {
        return mongo.findOne(Query.query(Criteria.where("claimKey").is(claimKey)), Lot.class);
    }
}
