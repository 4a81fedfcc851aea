package org.fabrique.coordinator.hospital;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.system.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/hospitals")
class HospitalController {

    record CreateHospital(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 10) String postcode,
            @Size(min = 2, max = 2) String country,
            @Size(max = 80) String staffName) {
    }

    record AddStaff(@Size(max = 80) String displayName) {
    }

    record StaffToken(String accountId, String hospitalId, String displayName, String token) {
    }

    private final Hospitals hospitals;

    HospitalController(Hospitals hospitals) {
        this.hospitals = hospitals;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Hospitals.Created> create(@Valid @RequestBody CreateHospital request, @AuthenticationPrincipal Actor actor) {
        return hospitals.create(request.name(), request.country(), request.postcode(), request.staffName(), actor);
    }

    @PostMapping("/{hospitalId}/staff")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<StaffToken> addStaff(@PathVariable String hospitalId, @Valid @RequestBody AddStaff request,
            @AuthenticationPrincipal Actor actor) {
        return hospitals.addStaff(hospitalId, request.displayName(), actor).map(issued -> new StaffToken(
                issued.account().id(), hospitalId, issued.account().displayName(), issued.token()));
    }

    /** Coordinators see every hospital, makers see the list too (names are public), staff their own. */
    @GetMapping
    Flux<Hospital> list(@AuthenticationPrincipal Actor actor) {
        if (actor.is(Role.HOSPITAL)) {
            return hospitals.find(actor.hospitalId()).flux();
        }
        return hospitals.all();
    }

    @GetMapping("/{hospitalId}")
    Mono<Hospital> get(@PathVariable String hospitalId, @AuthenticationPrincipal Actor actor) {
        if (actor.is(Role.HOSPITAL) && !hospitalId.equals(actor.hospitalId())) {
            return Mono.error(ApiException.forbidden("Staff can only see their own hospital"));
        }
        return hospitals.find(hospitalId);
    }
}
