package org.fabrique.coordinator.maker;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.system.FabriqueProperties;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/makers")
class MakerController {

    record RegisterRequest(
            @NotBlank @Size(max = 10) String postcode,
            @Size(min = 2, max = 2) String country,
            @Size(max = 40) String pseudonym) {
    }

    record TrustRequest(@NotNull TrustLevel trustLevel) {
    }

    private final Makers makers;
    private final TrustPolicy trust;
    private final FabriqueProperties properties;

    MakerController(Makers makers, TrustPolicy trust, FabriqueProperties properties) {
        this.makers = makers;
        this.trust = trust;
        this.properties = properties;
    }

    /** Self-registration: anyone with a printer can join, starting with small batches. */
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Makers.Registration> register(@Valid @RequestBody RegisterRequest request) {
        if (!properties.makers().selfRegistration()) {
            return Mono.error(new ApiException(ProblemType.SELF_REGISTRATION_DISABLED,
                    "Ask a coordinator for a maker account"));
        }
        return makers.register(request.country(), request.postcode(), request.pseudonym(), null);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Makers.Registration> create(@Valid @RequestBody RegisterRequest request, @AuthenticationPrincipal Actor actor) {
        return makers.register(request.country(), request.postcode(), request.pseudonym(), actor);
    }

    @GetMapping
    Flux<MakerView> list() {
        return makers.all().map(maker -> MakerView.of(maker, trust));
    }

    @GetMapping("/{makerId}")
    Mono<MakerView> get(@PathVariable String makerId) {
        return makers.find(makerId).map(maker -> MakerView.of(maker, trust));
    }

    @PutMapping("/{makerId}/trust")
    Mono<MakerView> setTrust(@PathVariable String makerId, @Valid @RequestBody TrustRequest request) {
        return makers.setTrustLevel(makerId, request.trustLevel()).map(maker -> MakerView.of(maker, trust));
    }

    @GetMapping("/me")
    Mono<MakerView> me(@AuthenticationPrincipal Actor actor) {
        return makers.find(actor.requireMaker()).map(maker -> MakerView.of(maker, trust));
    }

    @PutMapping("/me/printers/{printerId}")
    Mono<Printer> putPrinter(@PathVariable String printerId, @Valid @RequestBody Printer printer,
            @AuthenticationPrincipal Actor actor) {
        if (!printerId.matches("[a-z0-9-]{1,40}")) {
            return Mono.error(new ApiException(ProblemType.VALIDATION_FAILED,
                    "printerId must be 1 to 40 characters from a-z, 0-9 and -"));
        }
        return makers.putPrinter(actor.requireMaker(), printerId, printer);
    }

    @DeleteMapping("/me/printers/{printerId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> removePrinter(@PathVariable String printerId, @AuthenticationPrincipal Actor actor) {
        return makers.removePrinter(actor.requireMaker(), printerId);
    }
}
