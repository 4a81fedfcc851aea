package org.fabrique.coordinator.need;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.design.Designs;
import org.fabrique.coordinator.event.EventLog;
import org.fabrique.coordinator.geo.Areas;
import org.fabrique.coordinator.hospital.Homologations;
import org.fabrique.coordinator.hospital.Hospitals;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.fabrique.designs.Material;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Hospitals' needs: posting, reading within one's scope, and closing them. */
@Service
public class Needs {

    /**
     * A new need. Without {@code anyPublishedVersion}, it targets the versions the hospital has
     * homologated ({@code acceptedVersions} may narrow them down), in the materials homologated.
     */
    public record PostNeed(String design, List<String> acceptedVersions, boolean anyPublishedVersion, int quantity,
            LocalDate neededBy, Priority priority, Need.DeliveryPoint deliveryPoint) {
    }

    private record Targets(List<String> versions, List<Need.VersionMaterials> materials) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Designs designs;
    private final Hospitals hospitals;
    private final Homologations homologations;
    private final EventLog events;
    private final Clock clock;

    public Needs(ReactiveMongoTemplate mongo, Designs designs, Hospitals hospitals, Homologations homologations,
            EventLog events, Clock clock) {
        this.mongo = mongo;
        this.designs = designs;
        this.hospitals = hospitals;
        this.homologations = homologations;
        this.events = events;
        this.clock = clock;
    }

    public Mono<Need> post(PostNeed request, Actor actor) {
        String hospitalId = actor.requireHospital();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (request.neededBy() != null && request.neededBy().isBefore(today)) {
            return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED, "neededBy: must not be in the past"));
        }
        return targets(request, hospitalId)
                .flatMap(targets -> hospitals.find(hospitalId).flatMap(hospital -> {
                    Instant now = clock.instant();
                    String area = request.deliveryPoint() != null && request.deliveryPoint().postcode() != null
                            ? Areas.of(hospital.country(), request.deliveryPoint().postcode()).code() : hospital.area();
                    Need need = new Need(new ObjectId().toHexString(), hospital.id(), hospital.name(), area,
                            request.design(), targets.versions(), targets.materials(), request.quantity(),
                            request.quantity(), 0, 0, 0, 0, request.neededBy(),
                            request.priority() == null ? Priority.NORMAL : request.priority(), request.deliveryPoint(),
                            NeedStatus.OPEN, List.of(), now, now, actor.ref(), null);
                    return mongo.insert(need);
                }))
                .flatMap(need -> events.append(new EventLog.Draft("need.posted", actor, need.hospitalId(), null, need.id(), null,
                        Map.of("design", need.designSlug(), "quantity", need.quantity(), "priority", need.priority().name())))
                        .thenReturn(need));
    }

    /** Which versions (and materials) of the design the need may be printed in. */
    private Mono<Targets> targets(PostNeed request, String hospitalId) {
        String slug = request.design();
        List<String> asked = request.acceptedVersions() == null ? List.of() : List.copyOf(request.acceptedVersions());
        return Mono.zip(designs.publishedVersions(slug), homologations.of(hospitalId, slug).collectList())
                .flatMap(t -> {
                    List<String> published = t.getT1();
                    if (published.isEmpty()) {
                        return Mono.error(new ApiException(ProblemType.DESIGN_UNAVAILABLE,
                                "Design '" + slug + "' has no published version", Map.of("design", slug)));
                    }
                    List<String> unpublished = asked.stream().filter(v -> !published.contains(v)).toList();
                    if (!unpublished.isEmpty()) {
                        return Mono.error(new ApiException(ProblemType.DESIGN_UNAVAILABLE, "Version(s) " + unpublished
                                + " of '" + slug + "' are not published; published: " + published,
                                Map.of("design", slug, "published", published)));
                    }
                    if (request.anyPublishedVersion()) {
                        return Mono.just(new Targets(asked, List.of()));
                    }
                    Map<String, List<Material>> homologated = new LinkedHashMap<>();
                    t.getT2().stream().filter(h -> published.contains(h.designVersion()))
                            .forEach(h -> homologated.put(h.designVersion(), h.materials()));
                    List<String> versions = asked.isEmpty() ? List.copyOf(homologated.keySet()) : asked;
                    List<String> missing = versions.stream().filter(v -> !homologated.containsKey(v)).toList();
                    if (versions.isEmpty() || !missing.isEmpty()) {
                        return Mono.error(new ApiException(ProblemType.DESIGN_UNAVAILABLE, "This hospital has not homologated "
                                + (versions.isEmpty() ? "any published version of '" + slug + "'" : slug + " " + missing)
                                + "; homologate it (POST /api/hospitals/" + hospitalId + "/homologations) or accept any "
                                + "published version (anyPublishedVersion: true)", Map.of("design", slug, "published", published)));
                    }
                    List<Need.VersionMaterials> materials = versions.stream().filter(v -> !homologated.get(v).isEmpty())
                            .map(v -> new Need.VersionMaterials(v, homologated.get(v))).toList();
                    return Mono.just(new Targets(versions, materials));
                });
    }

    public Mono<Need> find(String needId, Actor viewer) {
        return mongo.findById(needId, Need.class)
                .filter(need -> canSee(viewer, need))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(ProblemType.NEED_NOT_FOUND, "Need", needId)));
    }

    public Mono<Need> find(String needId) {
        return mongo.findById(needId, Need.class)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(ProblemType.NEED_NOT_FOUND, "Need", needId)));
    }

    public Flux<Need> list(Actor viewer, NeedStatus status) {
        Criteria criteria = new Criteria();
        if (viewer.role() == Role.HOSPITAL) {
            criteria = Criteria.where("hospitalId").is(viewer.hospitalId());
        } else if (viewer.role() != Role.COORDINATOR) {
            return Flux.error(ApiException.forbidden("Only hospital staff and coordinators can list needs"));
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")), Need.class);
    }

    /** The OPEN needs with open items, without their ledger of lots: what claims choose from. */
    public Flux<Need> claimable() {
        Query query = Query.query(Criteria.where("status").is(NeedStatus.OPEN).and("open").gt(0));
        query.fields().exclude("active");
        return mongo.find(query, Need.class);
    }

    /** How many items of a need nobody has claimed, read without its ledger of lots. */
    public Mono<Integer> openItems(String needId) {
        Query query = Query.query(Criteria.where("_id").is(needId).and("status").is(NeedStatus.OPEN));
        query.fields().include("open");
        return mongo.findOne(query, org.bson.Document.class, "needs").map(need -> ((Number) need.get("open")).intValue());
    }

    public Mono<Need> cancel(String needId, String reason, Actor actor) {
        return changeStatus(needId, NeedStatus.CANCELLED, List.of(NeedStatus.OPEN), reason, actor, "need.cancelled");
    }

    public Mono<Need> close(String needId, String reason, Actor actor) {
        return changeStatus(needId, NeedStatus.CLOSED, List.of(NeedStatus.OPEN, NeedStatus.FILLED), reason, actor, "need.closed");
    }

    /** Marks a need FILLED once every item has been approved. */
    public Mono<Void> fillIfComplete(String needId, Actor actor) {
        return mongo.findById(needId, Need.class)
                .filter(need -> need.status() == NeedStatus.OPEN && need.approved() >= need.quantity())
                .flatMap(need -> mongo.findAndModify(Query.query(Criteria.where("_id").is(needId)
                                .and("status").is(NeedStatus.OPEN).and("approved").gte(need.quantity())),
                        new Update().set("status", NeedStatus.FILLED).set("updatedAt", clock.instant()),
                        FindAndModifyOptions.options().returnNew(true), Need.class))
                .flatMap(filled -> events.append(new EventLog.Draft("need.filled", actor, filled.hospitalId(), null,
                        filled.id(), null, Map.of("design", filled.designSlug(), "quantity", filled.quantity()))))
                .then();
    }

    private Mono<Need> changeStatus(String needId, NeedStatus to, List<NeedStatus> from, String reason, Actor actor,
            String eventType) {
        return find(needId, actor).flatMap(need -> {
            if (!from.contains(need.status())) {
                return Mono.error(new ApiException(ProblemType.NEED_NOT_OPEN, "Need " + needId + " is " + need.status()
                        + "; it cannot become " + to, Map.of("status", need.status().name())));
            }
            Query query = Query.query(Criteria.where("_id").is(needId).and("status").is(need.status()));
            Update update = new Update().set("status", to).set("statusReason", reason).set("updatedAt", clock.instant());
            return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Need.class)
                    .switchIfEmpty(Mono.defer(() -> changeStatus(needId, to, from, reason, actor, eventType)))
                    .flatMap(changed -> events.append(new EventLog.Draft(eventType, actor, changed.hospitalId(), null,
                            changed.id(), null, reason == null ? Map.of() : Map.of("reason", reason))).thenReturn(changed));
        });
    }

    private static boolean canSee(Actor viewer, Need need) {
        return viewer.role() == Role.COORDINATOR
                || (viewer.role() == Role.HOSPITAL && need.hospitalId().equals(viewer.hospitalId()));
    }
}
