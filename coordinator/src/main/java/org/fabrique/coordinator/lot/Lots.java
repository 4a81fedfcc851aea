package org.fabrique.coordinator.lot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.event.EventLog;
import org.fabrique.coordinator.maker.Makers;
import org.fabrique.coordinator.need.NeedLedger;
import org.fabrique.coordinator.need.Needs;
import org.fabrique.coordinator.system.FabriqueProperties;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every change of a lot's state. Each one is checked by {@link LotState#check}, written by one
 * conditional update (state and version as they were read), recorded in the lot's history with
 * actor, time and request key, applied to the need's ledger, and appended to the event log.
 */
@Service
public class Lots {

    private static final int MAX_ATTEMPTS = 16;
    private static final Set<LotState> TOUCH_THE_LEDGER = EnumSet.of(LotState.PRINTED, LotState.SHIPPED,
            LotState.APPROVED, LotState.REJECTED, LotState.RELEASED, LotState.EXPIRED);

    /** What one transition changes besides the state, and who may make it. */
    private record Change(
            LotState to,
            Actor actor,
            String requestKey,
            String reason,
            BiFunction<Lot, Instant, Update> fields,
            Criteria extraCondition) {
    }

    private final ReactiveMongoTemplate mongo;
    private final NeedLedger ledger;
    private final Needs needs;
    private final Makers makers;
    private final EventLog events;
    private final Clock clock;
    private final Duration lease;
    private final Duration heartbeatInterval;
    private final MeterRegistry meters;

    public Lots(ReactiveMongoTemplate mongo, NeedLedger ledger, Needs needs, Makers makers, EventLog events, Clock clock,
            FabriqueProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.needs = needs;
        this.makers = makers;
        this.events = events;
        this.clock = clock;
        this.lease = properties.lots().lease();
        this.heartbeatInterval = properties.lots().heartbeat();
        this.meters = meters;
    }

    public Duration lease() {
        return lease;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    // ---- reading ---------------------------------------------------------------------------

    /** A lot by id or by lot number, if the viewer may see it. */
    public Mono<Lot> find(String idOrNumber, Actor viewer) {
        return findAny(idOrNumber).flatMap(lot -> {
            if (!canSee(viewer, lot)) {
                return Mono.error(ApiException.forbidden("This lot belongs to another " + (viewer.is(Role.MAKER) ? "maker" : "hospital")));
            }
            return Mono.just(lot);
        });
    }

    Mono<Lot> findAny(String idOrNumber) {
        Mono<Lot> lot = LotNumbers.looksLikeLotNumber(idOrNumber)
                ? Mono.justOrEmpty(LotNumbers.normalize(idOrNumber))
                        .flatMap(number -> mongo.findOne(Query.query(Criteria.where("lotNumber").is(number)), Lot.class))
                : mongo.findById(idOrNumber, Lot.class);
        return lot.switchIfEmpty(Mono.error(() -> ApiException.notFound(ProblemType.LOT_NOT_FOUND, "Lot", idOrNumber)));
    }

    public Flux<Lot> list(Actor viewer, Set<LotState> states, String needId, int limit) {
        Criteria criteria = switch (viewer.role()) {
            case MAKER -> Criteria.where("makerId").is(viewer.makerId());
            case HOSPITAL -> Criteria.where("hospitalId").is(viewer.hospitalId());
            case COORDINATOR -> new Criteria();
        };
        if (states != null && !states.isEmpty()) {
            criteria = criteria.and("state").in(states);
        }
        if (needId != null) {
            criteria = criteria.and("needId").is(needId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(limit), Lot.class);
    }

    static boolean canSee(Actor viewer, Lot lot) {
        return switch (viewer.role()) {
            case COORDINATOR -> true;
            case MAKER -> lot.makerId().equals(viewer.makerId());
            case HOSPITAL -> lot.hospitalId().equals(viewer.hospitalId());
        };
    }

    // ---- the maker's transitions -----------------------------------------------------------

    public Mono<Lot> start(String lotId, Actor maker, String requestKey) {
        return transition(lotId, new Change(LotState.PRINTING, maker, requestKey, null,
                (lot, now) -> new Update().set("leaseExpiresAt", now.plus(lease)).set("percent", 0.0), null));
    }

    public Mono<Lot> report(String lotId, int printed, int failed, Actor maker, String requestKey) {
        return findAny(lotId).flatMap(current -> {
            if (printed < 0 || failed < 0 || printed + failed != current.quantity()) {
                return Mono.error(new ApiException(ProblemType.INVALID_REPORT, "printed (" + printed + ") + failed ("
                        + failed + ") must equal the lot's quantity (" + current.quantity() + ")",
                        Map.of("quantity", current.quantity())));
            }
            LotState to = printed == 0 ? LotState.RELEASED : LotState.PRINTED;
            return transition(lotId, new Change(to, maker, requestKey, printed == 0 ? "every item failed to print" : null,
                    (lot, now) -> new Update().set("printed", printed).set("failed", failed).set("percent", 100.0)
                            .unset("leaseExpiresAt"), null));
        });
    }

    public Mono<Lot> ship(String lotId, String carrier, String tracking, Actor maker, String requestKey) {
        return transition(lotId, new Change(LotState.SHIPPED, maker, requestKey, null,
                (lot, now) -> new Update().set("shipment", new Lot.Shipment(carrier, tracking, now)), null));
    }

    public Mono<Lot> release(String lotId, String reason, Actor actor, String requestKey) {
        return transition(lotId, new Change(LotState.RELEASED, actor, requestKey, reason,
                (lot, now) -> new Update().unset("leaseExpiresAt"), null));
    }

    // ---- the hospital's transitions --------------------------------------------------------

    public Mono<Lot> receive(String lotId, Actor staff, String requestKey) {
        return transition(lotId, new Change(LotState.RECEIVED, staff, requestKey, null, (lot, now) -> new Update(), null));
    }

    public Mono<Lot> decide(String lotId, LotState decision, String reason, Actor staff, String requestKey) {
        if (decision != LotState.APPROVED && decision != LotState.REJECTED) {
            return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED, "decision must be APPROVED or REJECTED"));
        }
        if (decision == LotState.REJECTED && (reason == null || reason.isBlank())) {
            return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED, "reason: a rejection needs a reason"));
        }
        return transition(lotId, new Change(decision, staff, requestKey, reason,
                (lot, now) -> new Update().set("decision", new Lot.Decision(decision, reason, staff.ref(), now)), null));
    }

    // ---- the coordinator's own transitions --------------------------------------------------

    /** Expires a lot whose lease lapsed; empty when a heartbeat or another reaper got there first. */
    public Mono<Lot> expire(Lot lot, Actor reaper) {
        Instant now = clock.instant();
        return transition(lot.id(), new Change(LotState.EXPIRED, reaper, null, "lease lapsed at " + lot.leaseExpiresAt(),
                (l, at) -> new Update().unset("leaseExpiresAt"), Criteria.where("leaseExpiresAt").lt(now)))
                .onErrorResume(IllegalStateTransition.class, e -> Mono.empty());
    }

    /** Extends the leases of a maker's active lots and tells the agent where each lot stands. */
    public Flux<Lot> heartbeat(String makerId, Map<String, Double> percentByLot) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>(percentByLot.keySet());
        Flux<Long> renewals = Flux.fromIterable(percentByLot.entrySet()).concatMap(entry -> {
            Query query = Query.query(Criteria.where("_id").is(entry.getKey()).and("makerId").is(makerId)
                    .and("state").in(LotState.CLAIMED, LotState.PRINTING).and("leaseExpiresAt").gte(now));
            Update update = new Update().set("leaseExpiresAt", now.plus(lease));
            if (entry.getValue() != null) {
                update.set("percent", Math.max(0, Math.min(100, entry.getValue())));
            }
            return mongo.updateFirst(query, update, Lot.class).map(r -> r.getModifiedCount());
        });
        return renewals.thenMany(Flux.defer(() -> ids.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(Criteria.where("_id").in(ids).and("makerId").is(makerId)), Lot.class)));
    }

    // ---- the mechanism ---------------------------------------------------------------------

    private Mono<Lot> transition(String lotId, Change change) {
        return findAny(lotId).flatMap(lot -> attempt(lot, change, 1));
    }

    private Mono<Lot> attempt(Lot lot, Change change, int attempt) {
        if (lot.hasRequest(change.requestKey())) {
            return settle(lot).thenReturn(lot);
        }
        authorize(lot, change);
        lot.state().check(change.to());
        Instant now = clock.instant();
        boolean makerAction = change.actor().is(Role.MAKER) && lot.state().isLeased();
        if (makerAction && lot.leaseExpiresAt() != null && lot.leaseExpiresAt().isBefore(now)) {
            return Mono.error(new ApiException(ProblemType.LEASE_EXPIRED, "The lease of lot " + lot.lotNumber()
                    + " lapsed at " + lot.leaseExpiresAt() + "; claim new work", Map.of("leaseExpiresAt", lot.leaseExpiresAt().toString())));
        }
        Criteria criteria = Criteria.where("_id").is(lot.id()).and("state").is(lot.state()).and("version").is(lot.version());
        if (makerAction) {
            criteria = criteria.and("leaseExpiresAt").gte(now);
        } else if (change.extraCondition() != null) {
            criteria = new Criteria().andOperator(criteria, change.extraCondition());
        }
        long nextVersion = lot.version() + 1;
        Update update = change.fields().apply(lot, now)
                .set("state", change.to())
                .set("version", nextVersion)
                .set("updatedAt", now)
                .push("history", new Lot.Transition(lot.state(), change.to(), now, change.actor().ref(), change.reason(),
                        change.requestKey()));
        if (TOUCH_THE_LEDGER.contains(change.to())) {
            update.set("ledgerPending", nextVersion);
        }
        return mongo.findAndModify(Query.query(criteria), update, FindAndModifyOptions.options().returnNew(true), Lot.class)
                .flatMap(changed -> afterTransition(lot.state(), changed, change))
                .switchIfEmpty(Mono.defer(() -> {
                    if (attempt >= MAX_ATTEMPTS) {
                        return Mono.error(new ApiException(ProblemType.CONFLICT, "Lot " + lot.lotNumber()
                                + " is changing too fast; retry"));
                    }
                    if (change.extraCondition() != null) {
                        return Mono.empty();
                    }
                    return findAny(lot.id()).flatMap(fresh -> attempt(fresh, change, attempt + 1));
                }));
    }

    private void authorize(Lot lot, Change change) {
        Actor actor = change.actor();
        boolean allowed = switch (change.to()) {
            case PRINTING, PRINTED, SHIPPED -> actor.is(Role.MAKER) && lot.makerId().equals(actor.makerId());
            case RELEASED -> (actor.is(Role.MAKER) && lot.makerId().equals(actor.makerId())) || actor.is(Role.COORDINATOR);
            case RECEIVED, APPROVED, REJECTED -> actor.is(Role.HOSPITAL) && lot.hospitalId().equals(actor.hospitalId());
            case EXPIRED -> actor.system();
            case CLAIMED -> false;
        };
        if (!allowed) {
            throw ApiException.forbidden(canSee(actor, lot) ? "Your role cannot move a lot to " + change.to()
                    : "This lot belongs to someone else");
        }
    }

    private Mono<Lot> afterTransition(LotState from, Lot lot, Change change) {
        meters.counter("fabrique.lots.transitions", "to", lot.state().name()).increment();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lotNumber", lot.lotNumber());
        data.put("from", from.name());
        data.put("to", lot.state().name());
        data.put("quantity", lot.quantity());
        data.put("printed", lot.printed());
        data.put("failed", lot.failed());
        data.put("design", lot.designSlug() + "@" + lot.designVersion());
        if (change.reason() != null) {
            data.put("reason", change.reason());
        }
        return settle(lot)
                .then(events.append(new EventLog.Draft("lot.state-changed", change.actor(), lot.hospitalId(), lot.makerId(),
                        lot.needId(), lot.id(), data)))
                .thenReturn(lot);
    }

    /**
     * Brings the need's ledger (and the maker's track record) in line with the lot's state. Every
     * step is idempotent, so this runs after each transition, on replays, and from the
     * reconciler after a crash, in any number and order.
     */
    public Mono<Void> settle(Lot lot) {
        String needId = lot.needId();
        String lotId = lot.id();
        LotState state = lot.state();
        Mono<Boolean> steps = Mono.just(true);
        if (lot.reported() && lot.printed() > 0 && lot.failed() > 0) {
            steps = steps.then(ledger.shrink(needId, lotId, lot.quantity(), lot.printed()));
        }
        if (EnumSet.of(LotState.SHIPPED, LotState.RECEIVED, LotState.APPROVED, LotState.REJECTED).contains(state)) {
            steps = steps.then(ledger.ship(needId, lotId, lot.printed()));
        }
        Mono<Void> tail = switch (state) {
            case APPROVED -> ledger.approve(needId, lotId, lot.printed())
                    .then(needs.fillIfComplete(needId, Actor.system("ledger")))
                    .then(countForMaker(lot, true));
            case REJECTED -> ledger.reject(needId, lotId, lot.printed()).then(countForMaker(lot, false));
            case RELEASED, EXPIRED -> ledger.giveBack(needId, lotId, lot.quantity()).then();
            default -> Mono.empty();
        };
        Mono<Void> clear = lot.ledgerPending() == null ? Mono.empty()
                : mongo.updateFirst(Query.query(Criteria.where("_id").is(lotId).and("ledgerPending").is(lot.ledgerPending())),
                        new Update().unset("ledgerPending"), Lot.class).then();
        return steps.then(tail).then(clear);
    }

    /** At most once per lot: the flag is set first, so a crash can only under-count, never double-count. */
    private Mono<Void> countForMaker(Lot lot, boolean approved) {
        Query notCounted = Query.query(Criteria.where("_id").is(lot.id()).and("makerRecordCounted").ne(true));
        return mongo.updateFirst(notCounted, new Update().set("makerRecordCounted", true), Lot.class)
                .flatMap(result -> result.getModifiedCount() > 0
                        ? makers.recordDecision(lot.makerId(), approved, lot.printed())
                        : Mono.empty());
    }
}
