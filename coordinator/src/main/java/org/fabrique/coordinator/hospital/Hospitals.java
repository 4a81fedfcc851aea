package org.fabrique.coordinator.hospital;

import java.time.Clock;

import org.bson.types.ObjectId;
import org.fabrique.coordinator.account.Accounts;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.geo.Area;
import org.fabrique.coordinator.geo.Areas;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class Hospitals {

    public record Created(Hospital hospital, String staffAccountId, String token) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Accounts accounts;
    private final Clock clock;

    public Hospitals(ReactiveMongoTemplate mongo, Accounts accounts, Clock clock) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Creates a hospital and its first staff account. */
    public Mono<Created> create(String name, String country, String postcode, String staffName, Actor createdBy) {
        Area area = Areas.of(country, postcode);
        Hospital hospital = new Hospital(new ObjectId().toHexString(), name.trim(), area.code().substring(0, 2),
                postcode.trim(), area.code(), clock.instant());
        return mongo.insert(hospital).flatMap(saved -> addStaff(saved.id(), staffName, createdBy)
                .map(issued -> new Created(saved, issued.account().id(), issued.token())));
    }

    public Mono<Accounts.Issued> addStaff(String hospitalId, String staffName, Actor createdBy) {
        return find(hospitalId).flatMap(hospital -> accounts.create(Role.HOSPITAL,
                staffName == null || staffName.isBlank() ? hospital.name() + " staff" : staffName.trim(),
                null, hospital.id(), createdBy));
    }

    public Mono<Hospital> find(String hospitalId) {
        return mongo.findById(hospitalId, Hospital.class)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(ProblemType.HOSPITAL_NOT_FOUND, "Hospital", hospitalId)));
    }

    public Flux<Hospital> all() {
        return mongo.findAll(Hospital.class);
    }
}
