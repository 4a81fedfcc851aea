package org.fabrique.coordinator.inspection;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.lot.LotState;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class InspectionController {

    record SampleRequest(@NotNull @Size(max = 100) List<@Valid ResultRequest> results) {
    }

    record ResultRequest(@NotBlank String checkId, boolean pass, Double measured, @Size(max = 500) String note) {
    }

    record InspectionRequest(@NotNull @Size(max = 2000) List<@Valid SampleRequest> samples, LotState decision,
            boolean override, @Size(max = 2000) String reason) {
    }

    private final Inspections inspections;

    InspectionController(Inspections inspections) {
        this.inspections = inspections;
    }

    /** The sampling plan and checklist to follow, or the record once the lot is decided. */
    @GetMapping("/api/lots/{lot}/inspection")
    Mono<Inspections.View> get(@PathVariable String lot, @AuthenticationPrincipal Actor actor) {
        return inspections.view(lot, actor);
    }

    /** Records the inspection of a received lot and decides it. */
    @PostMapping("/api/lots/{lot}/inspection")
    Mono<Inspections.View> inspect(@PathVariable String lot, @Valid @RequestBody InspectionRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @AuthenticationPrincipal Actor actor) {
        List<Inspection.Sample> samples = request.samples().stream()
                .map(sample -> new Inspection.Sample(0, sample.results().stream()
                        .map(r -> new Inspection.Result(r.checkId(), r.pass(), r.measured(), r.note())).toList()))
                .toList();
        return inspections.record(lot, new Inspections.Request(samples, request.decision(), request.override(),
                        request.reason()), actor, key)
                .then(inspections.view(lot, actor));
    }
}
