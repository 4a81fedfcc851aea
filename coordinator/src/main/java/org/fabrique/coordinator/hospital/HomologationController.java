package org.fabrique.coordinator.hospital;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.designs.Material;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/hospitals/{hospitalId}/homologations")
class HomologationController {

    record Homologate(@NotBlank String design, @NotBlank String version, @Size(max = 7) List<@NotNull Material> materials) {
    }

    private final Homologations homologations;

    HomologationController(Homologations homologations) {
        this.homologations = homologations;
    }

    @GetMapping
    Flux<Homologation> list(@PathVariable String hospitalId, @AuthenticationPrincipal Actor actor) {
        if (actor.is(Role.MAKER) || (actor.is(Role.HOSPITAL) && !hospitalId.equals(actor.hospitalId()))) {
            return Flux.error(ApiException.forbidden("Only this hospital's staff and coordinators see its homologations"));
        }
        return homologations.of(hospitalId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Homologation> homologate(@PathVariable String hospitalId, @Valid @RequestBody Homologate request,
            @AuthenticationPrincipal Actor actor) {
        return homologations.homologate(hospitalId, request.design(), request.version(), request.materials(), actor);
    }

    @DeleteMapping("/{slug}/{version}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> withdraw(@PathVariable String hospitalId, @PathVariable String slug, @PathVariable String version,
            @AuthenticationPrincipal Actor actor) {
        return homologations.withdraw(hospitalId, slug, version, actor);
    }
}
