package org.fabrique.coordinator.hospital;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.design.Designs;
import org.fabrique.coordinator.event.EventLog;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.fabrique.designs.DesignStatus;
import org.fabrique.designs.Material;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Hospitals homologate design versions for their site. */
@Service
public class Homologations {

    private final ReactiveMongoTemplate mongo;
    private final Designs designs;
    private final EventLog events;
    private final Clock clock;

    public Homologations(ReactiveMongoTemplate mongo, Designs designs, EventLog events, Clock clock) {
        this.mongo = mongo;
        this.designs = designs;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Homologates a published version; repeating it replaces the materials. Only the hospital's
     * own staff may homologate for it.
     */
    public Mono<Homologation> homologate(String hospitalId, String slug, String version, List<Material> materials,
            Actor actor) {
        requireStaffOf(hospitalId, actor);
        return designs.find(slug, version).flatMap(design -> {
            if (design.status() != DesignStatus.PUBLISHED) {
                return Mono.error(new ApiException(ProblemType.DESIGN_UNAVAILABLE, design.id() + " is " + design.status()
                        + "; only a published version can be homologated"));
            }
            List<Material> wanted = materials == null ? List.of() : List.copyOf(materials);
            List<Material> foreign = wanted.stream().filter(m -> !design.materials().contains(m)).toList();
            if (!foreign.isEmpty()) {
                return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED, "materials: " + design.id()
                        + " is not made in " + foreign + "; it allows " + design.materials()));
            }
            Homologation homologation = new Homologation(Homologation.id(hospitalId, slug, version), hospitalId, slug,
                    version, wanted, actor.ref(), clock.instant());
            return mongo.save(homologation)
                    .flatMap(saved -> events.append(new EventLog.Draft("design.homologated", actor, hospitalId, null, null,
                            null, Map.of("design", design.id(), "materials", wanted.stream().map(Enum::name).toList())))
                            .thenReturn(saved));
        });
    }

    public Mono<Void> withdraw(String hospitalId, String slug, String version, Actor actor) {
        requireStaffOf(hospitalId, actor);
        return mongo.remove(Query.query(Criteria.where("_id").is(Homologation.id(hospitalId, slug, version))),
                        Homologation.class)
                .flatMap(result -> result.getDeletedCount() > 0 ? Mono.<Void>empty()
                        : Mono.error(new ApiException(ProblemType.DESIGN_NOT_FOUND, slug + "@" + version
                                + " is not homologated by this hospital")));
    }

    public Flux<Homologation> of(String hospitalId) {
        return mongo.find(Query.query(Criteria.where("hospitalId").is(hospitalId)), Homologation.class);
    }

    public Flux<Homologation> of(String hospitalId, String slug) {
        return mongo.find(Query.query(Criteria.where("hospitalId").is(hospitalId).and("designSlug").is(slug)),
                Homologation.class);
    }

    static void requireStaffOf(String hospitalId, Actor actor) {
        if (!(actor.is(Role.HOSPITAL) && hospitalId.equals(actor.hospitalId()))) {
            throw ApiException.forbidden("Only this hospital's staff can homologate designs for it");
        }
    }
}
