package org.fabrique.coordinator.traceability;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.event.EventLog;
import org.fabrique.coordinator.lot.Lot;
import org.fabrique.coordinator.lot.LotState;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Selects lots to recall, issues recalls and tells the hospitals concerned. */
@Service
public class Recalls {

    /** Lots whose items may be in use or on their way: printed, not rejected. */
    static final List<LotState> RECALLABLE = List.of(LotState.PRINTED, LotState.SHIPPED, LotState.RECEIVED, LotState.APPROVED);

    public record Preview(List<Recall.AffectedLot> lots, List<String> hospitalIds, int items) {
    }

    private final ReactiveMongoTemplate mongo;
    private final EventLog events;
    private final Clock clock;

    public Recalls(ReactiveMongoTemplate mongo, EventLog events, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    public Mono<Preview> preview(Recall.Selection selection) {
        if (selection == null || selection.isEmpty()) {
            return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED,
                    "selection: give at least one of design, version, makerId, material, printedFrom, printedTo"));
        }
        if (selection.printedFrom() != null && selection.printedTo() != null
                && selection.printedTo().isBefore(selection.printedFrom())) {
            return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED, "printedTo: must not be before printedFrom"));
        }
        return mongo.find(Query.query(criteria(selection)).with(Sort.by("lotNumber")), Lot.class)
                .map(Recalls::affected)
                .collectList()
                .map(lots -> new Preview(lots, lots.stream().map(Recall.AffectedLot::hospitalId).distinct().toList(),
                        lots.stream().mapToInt(Recall.AffectedLot::items).sum()));
    }

    public Mono<Recall> issue(Recall.Selection selection, String reason, Actor actor) {
        actor.requireCoordinator();
        if (reason == null || reason.isBlank()) {
            return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED, "reason: a recall needs a reason"));
        }
        return preview(selection).flatMap(preview -> {
            Recall recall = new Recall(new ObjectId().toHexString(), selection, reason.trim(), actor.ref(), clock.instant(),
                    preview.lots(), preview.hospitalIds(), preview.items());
            return mongo.insert(recall)
                    .flatMap(saved -> events.append(new EventLog.Draft("recall.issued", actor, null, null, null, null,
                                    Map.of("recallId", saved.id(), "reason", saved.reason(), "lots", saved.lots().size(),
                                            "items", saved.items())))
                            .thenMany(Flux.fromIterable(saved.hospitalIds()).concatMap(hospitalId -> {
                                Recall theirs = saved.forHospital(hospitalId);
                                return events.append(new EventLog.Draft("recall.issued", actor, hospitalId, null, null, null,
                                        Map.of("recallId", saved.id(), "reason", saved.reason(),
                                                "lots", theirs.lots().stream().map(Recall.AffectedLot::lotNumber).toList(),
                                                "items", theirs.items())));
                            }))
                            .then(Mono.just(saved)));
        });
    }

    /** Coordinators see every recall; hospital staff those concerning their hospital, with their lots only. */
    public Flux<Recall> visibleTo(Actor actor) {
        if (actor.is(Role.COORDINATOR)) {
            return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "issuedAt")), Recall.class);
        }
        if (actor.is(Role.HOSPITAL)) {
            return mongo.find(Query.query(Criteria.where("hospitalIds").is(actor.hospitalId()))
                            .with(Sort.by(Sort.Direction.DESC, "issuedAt")), Recall.class)
                    .map(recall -> recall.forHospital(actor.hospitalId()));
        }
        return Flux.error(ApiException.forbidden("Recalls are for coordinators and hospital staff"));
    }

    public Mono<Recall> find(String id, Actor actor) {
        return visibleTo(actor).filter(recall -> recall.id().equals(id)).next()
                .switchIfEmpty(Mono.error(() -> new ApiException(ProblemType.ROUTE_NOT_FOUND, "Recall " + id + " does not exist")));
    }

    private static Criteria criteria(Recall.Selection selection) {
        Criteria criteria = Criteria.where("state").in(RECALLABLE);
        if (selection.design() != null) {
            criteria = criteria.and("designSlug").is(selection.design());
        }
        if (selection.version() != null) {
            criteria = criteria.and("designVersion").is(selection.version());
        }
        if (selection.makerId() != null) {
            criteria = criteria.and("makerId").is(selection.makerId());
        }
        if (selection.material() != null) {
            criteria = criteria.and("material").is(selection.material().name());
        }
        if (selection.printedFrom() != null || selection.printedTo() != null) {
            Criteria printed = Criteria.where("to").is(LotState.PRINTED);
            Criteria at = Criteria.where("at");
            if (selection.printedFrom() != null) {
                at = at.gte(selection.printedFrom().atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (selection.printedTo() != null) {
                at = at.lt(selection.printedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            criteria = criteria.and("history").elemMatch(new Criteria().andOperator(printed, at));
        }
        return criteria;
    }

    static Recall.AffectedLot affected(Lot lot) {
        Instant printedAt = lot.history().stream().filter(t -> t.to() == LotState.PRINTED).map(Lot.Transition::at)
                .findFirst().orElse(null);
        return new Recall.AffectedLot(lot.id(), lot.lotNumber(), lot.hospitalId(), lot.hospitalName(), lot.state(),
                lot.printed(), lot.makerId(), lot.designSlug() + "@" + lot.designVersion(), lot.material(), printedAt);
    }
}
