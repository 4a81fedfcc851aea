package org.fabrique.coordinator.need;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.fabrique.coordinator.account.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/needs")
class NeedController {

    static final int MAX_QUANTITY = 100_000;

    record PostNeedRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be a design slug") String design,
            @Size(max = 20) List<@NotBlank String> acceptedVersions,
            boolean anyPublishedVersion,
            @Min(1) @Max(MAX_QUANTITY) int quantity,
            @NotNull LocalDate neededBy,
            Priority priority,
            @Valid DeliveryPointRequest deliveryPoint) {
    }

    record DeliveryPointRequest(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 300) String address,
            @Size(max = 10) String postcode,
            @Size(max = 500) String instructions) {
    }

    record StatusChange(@Size(max = 500) String reason) {
    }

    private final Needs needs;

    NeedController(Needs needs) {
        this.needs = needs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<NeedView> post(@Valid @RequestBody PostNeedRequest request, @AuthenticationPrincipal Actor actor) {
        Need.DeliveryPoint point = request.deliveryPoint() == null ? null : new Need.DeliveryPoint(
                request.deliveryPoint().name(), request.deliveryPoint().address(), request.deliveryPoint().postcode(),
                request.deliveryPoint().instructions());
        return needs.post(new Needs.PostNeed(request.design(), request.acceptedVersions(), request.anyPublishedVersion(),
                request.quantity(), request.neededBy(), request.priority(), point), actor).map(NeedView::of);
    }

    @GetMapping
    Flux<NeedView> list(@RequestParam(required = false) NeedStatus status, @AuthenticationPrincipal Actor actor) {
        return needs.list(actor, status).map(NeedView::of);
    }

    @GetMapping("/{needId}")
    Mono<NeedView> get(@PathVariable String needId, @AuthenticationPrincipal Actor actor) {
        return needs.find(needId, actor).map(NeedView::of);
    }

    @PostMapping("/{needId}/cancel")
    Mono<NeedView> cancel(@PathVariable String needId, @Valid @RequestBody(required = false) StatusChange change,
            @AuthenticationPrincipal Actor actor) {
        return needs.cancel(needId, change == null ? null : change.reason(), actor).map(NeedView::of);
    }

    @PostMapping("/{needId}/close")
    Mono<NeedView> close(@PathVariable String needId, @Valid @RequestBody(required = false) StatusChange change,
            @AuthenticationPrincipal Actor actor) {
        return needs.close(needId, change == null ? null : change.reason(), actor).map(NeedView::of);
    }
}
