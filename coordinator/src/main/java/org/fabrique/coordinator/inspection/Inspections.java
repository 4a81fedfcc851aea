package org.fabrique.coordinator.inspection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.design.Design;
import org.fabrique.coordinator.design.Designs;
import org.fabrique.coordinator.lot.IllegalStateTransition;
import org.fabrique.coordinator.lot.Lot;
import org.fabrique.coordinator.lot.LotState;
import org.fabrique.coordinator.lot.Lots;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.fabrique.designs.DesignManifest.QcItem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Hospitals inspect received lots: the sampling plan comes from the lot's size and the design's
 * AQL, the checklist from the design; the record decides the lot (APPROVED or REJECTED) through
 * the lot state machine.
 */
@Service
public class Inspections {

    static final int MIN_OVERRIDE_REASON = 10;

    /** What the inspector sends: the sampled items' results, and optionally a decision. */
    public record Request(List<Inspection.Sample> samples, LotState decision, boolean override, String reason) {
    }

    /** The inspection of a lot: its record once decided, else the plan and checklist to follow. */
    public record View(String lotId, String lotNumber, int quantity, LotState lotState, String status, SamplingPlan plan,
            List<QcItem> checklist, Inspection record) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Lots lots;
    private final Designs designs;
    private final Clock clock;

    public Inspections(ReactiveMongoTemplate mongo, Lots lots, Designs designs, Clock clock) {
        this.mongo = mongo;
        this.lots = lots;
        this.designs = designs;
        this.clock = clock;
    }

    public Mono<View> view(String lotIdOrNumber, Actor actor) {
        return lots.find(lotIdOrNumber, actor).flatMap(lot -> designs.findCached(lot.designSlug(), lot.designVersion())
                .flatMap(design -> mongo.findById(lot.id(), Inspection.class)
                        .map(record -> new View(lot.id(), lot.lotNumber(), lot.printed(), lot.state(), "DECIDED",
                                record.plan(), record.checklist(), record))
                        .defaultIfEmpty(new View(lot.id(), lot.lotNumber(), lot.printed(), lot.state(), "OPEN",
                                planFor(lot, design), checklistOf(design), null))));
    }

    public Mono<Inspection> record(String lotIdOrNumber, Request request, Actor actor, String requestKey) {
        return lots.find(lotIdOrNumber, actor).flatMap(lot -> mongo.findById(lot.id(), Inspection.class)
                .flatMap(existing -> finish(lot, existing, actor, requestKey))
                .switchIfEmpty(Mono.defer(() -> inspect(lot, request, actor, requestKey))));
    }

    private Mono<Inspection> inspect(Lot lot, Request request, Actor actor, String requestKey) {
        if (!(actor.is(Role.HOSPITAL) && lot.hospitalId().equals(actor.hospitalId()))) {
            return Mono.error(ApiException.forbidden("Only staff of the hospital the lot is addressed to can inspect it"));
        }
        if (lot.state() != LotState.RECEIVED) {
            return Mono.error(new IllegalStateTransition(lot.lotNumber(), lot.state(),
                    request.decision() == null ? LotState.APPROVED : request.decision()));
        }
        return designs.findCached(lot.designSlug(), lot.designVersion())
                .map(design -> judge(lot, design, request, actor))
                .flatMap(inspection -> mongo.insert(inspection)
                        .onErrorResume(DuplicateKeyException.class, concurrent -> mongo.findById(lot.id(), Inspection.class)))
                .flatMap(inspection -> finish(lot, inspection, actor, requestKey));
    }

    /**
     * Moves a received lot to the recorded decision. A record without its transition is a request
     * interrupted by a crash: the first record stands. A lot already decided is inspected once only.
     */
    private Mono<Inspection> finish(Lot lot, Inspection inspection, Actor actor, String requestKey) {
        if (lot.state() != LotState.RECEIVED) {
            return Mono.error(new IllegalStateTransition(lot.lotNumber(), lot.state(), inspection.decision()));
        }
        return lots.decide(lot.id(), inspection.decision(), inspection.reason(), actor, requestKey).thenReturn(inspection);
    }

    Inspection judge(Lot lot, Design design, Request request, Actor actor) {
        SamplingPlan plan = planFor(lot, design);
        List<QcItem> checklist = checklistOf(design);
        List<Inspection.Sample> samples = request.samples() == null ? List.of() : request.samples();
        List<String> problems = new ArrayList<>();
        if (samples.size() != plan.sampleSize()) {
            problems.add("samples: the plan for a lot of " + plan.lotSize() + " at AQL " + plan.aql() + " (code letter "
                    + plan.codeLetter() + ") inspects " + plan.sampleSize() + " items; " + samples.size() + " were sent");
        }
        Map<String, QcItem> checks = checklist.stream().collect(Collectors.toMap(QcItem::id, c -> c, (a, b) -> a,
                LinkedHashMap::new));
        List<Inspection.Sample> numbered = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Inspection.Sample sample = samples.get(i);
            List<Inspection.Result> results = sample == null || sample.results() == null ? List.of() : sample.results();
            Set<String> answered = new HashSet<>();
            for (Inspection.Result result : results) {
                QcItem check = checks.get(result.checkId());
                if (check == null) {
                    problems.add("samples[" + i + "]: unknown check '" + result.checkId() + "'; the checklist is "
                            + checks.keySet());
                    continue;
                }
                if (!answered.add(result.checkId())) {
                    problems.add("samples[" + i + "]: check '" + result.checkId() + "' answered twice");
                }
                if (check.measure() != null && result.measured() != null) {
                    boolean within = Math.abs(result.measured() - check.measure().nominal()) <= check.measure().tolerance();
                    if (within != result.pass()) {
                        problems.add("samples[" + i + "]: " + check.id() + " measured " + result.measured() + " "
                                + check.measure().unit() + " is " + (within ? "within " : "outside ")
                                + check.measure().nominal() + " ± " + check.measure().tolerance() + " but marked "
                                + (result.pass() ? "pass" : "fail"));
                    }
                }
            }
            List<String> missing = checks.keySet().stream().filter(id -> !answered.contains(id)).toList();
            if (!missing.isEmpty()) {
                problems.add("samples[" + i + "]: checks " + missing + " not answered");
            }
            numbered.add(new Inspection.Sample(i + 1, List.copyOf(results)));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        int defectives = (int) numbered.stream().filter(Inspection.Sample::defective).count();
        List<String> criticalFailures = numbered.stream()
                .flatMap(sample -> sample.results().stream().filter(r -> !r.pass() && checks.get(r.checkId()).critical())
                        .map(r -> "item " + sample.index() + ": " + r.checkId()))
                .toList();
        LotState implied = criticalFailures.isEmpty() && plan.decisionFor(defectives) == SamplingPlan.Decision.ACCEPT
                ? LotState.APPROVED : LotState.REJECTED;
        LotState decision = request.decision() == null ? implied : request.decision();
        if (decision != LotState.APPROVED && decision != LotState.REJECTED) {
            throw invalid(List.of("decision: must be APPROVED or REJECTED"));
        }
        String reason = request.reason() == null ? null : request.reason().trim();
        boolean override = decision != implied;
        if (override && (!request.override() || reason == null || reason.length() < MIN_OVERRIDE_REASON)) {
            throw invalid(List.of("decision: the plan implies " + implied + " (" + defectives + " defective of "
                    + plan.sampleSize() + ", accept up to " + plan.acceptNumber()
                    + (criticalFailures.isEmpty() ? "" : ", critical failures " + criticalFailures) + "); deciding "
                    + decision + " is an override: set override to true and write the reason (at least "
                    + MIN_OVERRIDE_REASON + " characters)"));
        }
        if (decision == LotState.REJECTED && (reason == null || reason.isBlank())) {
            reason = summary(numbered, defectives, plan, criticalFailures);
        }
        return new Inspection(lot.id(), lot.lotNumber(), lot.hospitalId(), lot.needId(), lot.designSlug(),
                lot.designVersion(), lot.material(), lot.makerId(), lot.printed(), plan.aql(), plan, checklist, numbered,
                defectives, criticalFailures, implied, decision, override, reason, actor.ref(), clock.instant());
    }

    static SamplingPlan planFor(Lot lot, Design design) {
        double aql = design.aql() > 0 ? design.aql() : SamplingPlans.DEFAULT_AQL;
        return SamplingPlans.forLot(Math.max(1, lot.printed()), aql);
    }

    private static List<QcItem> checklistOf(Design design) {
        return design.qcChecklist() == null ? List.of() : design.qcChecklist();
    }

    private static String summary(List<Inspection.Sample> samples, int defectives, SamplingPlan plan,
            List<String> criticalFailures) {
        Map<String, Long> failedChecks = samples.stream().flatMap(s -> s.results().stream()).filter(r -> !r.pass())
                .collect(Collectors.groupingBy(Inspection.Result::checkId, LinkedHashMap::new, Collectors.counting()));
        return defectives + " defective of " + plan.sampleSize() + " sampled (accept up to " + plan.acceptNumber() + ")"
                + (criticalFailures.isEmpty() ? "" : ", critical failure") + ": " + failedChecks.entrySet().stream()
                .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static ApiException invalid(List<String> problems) {
        return new ApiException(ProblemType.INSPECTION_INVALID, problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), Map.of("problems", problems));
    }
}
