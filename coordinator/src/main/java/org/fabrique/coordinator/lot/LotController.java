package org.fabrique.coordinator.lot;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.maker.Makers;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class LotController {

    static final String KEY = "Idempotency-Key";
    private static final Set<LotState> ACTIVE = EnumSet.of(LotState.CLAIMED, LotState.PRINTING, LotState.PRINTED);

    record Report(@Min(0) @Max(100_000) int printed, @Min(0) @Max(100_000) int failed) {
    }

    record Shipping(@Size(max = 80) String carrier, @Size(max = 120) String tracking) {
    }

    record Release(@Size(max = 500) String reason) {
    }

    record Heartbeat(@Size(max = 200) List<@Valid LotProgress> lots, @Size(max = 50) List<@Valid PrinterStatus> printers) {
    }

    record LotProgress(@NotBlank String id, @DecimalMin("0") @DecimalMax("100") Double percent) {
    }

    record PrinterStatus(@NotBlank String printerId, @Size(max = 40) String status) {
    }

    record LotLease(String id, String lotNumber, LotState state, Instant leaseExpiresAt) {
    }

    record HeartbeatAnswer(long heartbeatSeconds, List<LotLease> lots) {
    }

    private final Lots lots;
    private final LotViews views;
    private final Makers makers;

    LotController(Lots lots, LotViews views, Makers makers) {
        this.lots = lots;
        this.views = views;
        this.makers = makers;
    }

    @GetMapping("/api/lots")
    Flux<LotView> list(@RequestParam(required = false) Set<LotState> state, @RequestParam(required = false) String needId,
            @RequestParam(defaultValue = "100") int limit, @AuthenticationPrincipal Actor actor) {
        if (limit < 1 || limit > 1000) {
            return Flux.error(new ApiException(ProblemType.VALIDATION_FAILED, "limit: must be between 1 and 1000"));
        }
        return lots.list(actor, state, needId, limit).concatMap(views::of);
    }

    /** A lot by id or by lot number (as typed or scanned from its label). */
    @GetMapping("/api/lots/{lot}")
    Mono<LotView> get(@PathVariable String lot, @AuthenticationPrincipal Actor actor) {
        return lots.find(lot, actor).flatMap(views::of);
    }

    @GetMapping("/api/makers/me/lots")
    Flux<LotView> mine(@RequestParam(defaultValue = "false") boolean active, @AuthenticationPrincipal Actor actor) {
        actor.requireMaker();
        return lots.list(actor, active ? ACTIVE : null, null, 500).concatMap(views::of);
    }

    @PostMapping("/api/lots/{lot}/start")
    Mono<LotView> start(@PathVariable String lot, @RequestHeader(KEY) String key, @AuthenticationPrincipal Actor actor) {
        return lots.start(lot, actor, key).flatMap(views::of);
    }

    @PostMapping("/api/lots/{lot}/report")
    Mono<LotView> report(@PathVariable String lot, @Valid @RequestBody Report report, @RequestHeader(KEY) String key,
            @AuthenticationPrincipal Actor actor) {
        return lots.report(lot, report.printed(), report.failed(), actor, key).flatMap(views::of);
    }

    @PostMapping("/api/lots/{lot}/ship")
    Mono<LotView> ship(@PathVariable String lot, @Valid @RequestBody(required = false) Shipping shipping,
            @RequestHeader(KEY) String key, @AuthenticationPrincipal Actor actor) {
        Shipping s = shipping == null ? new Shipping(null, null) : shipping;
        return lots.ship(lot, s.carrier(), s.tracking(), actor, key).flatMap(views::of);
    }

    @PostMapping("/api/lots/{lot}/release")
    Mono<LotView> release(@PathVariable String lot, @Valid @RequestBody(required = false) Release release,
            @RequestHeader(KEY) String key, @AuthenticationPrincipal Actor actor) {
        return lots.release(lot, release == null ? null : release.reason(), actor, key).flatMap(views::of);
    }

    @PostMapping("/api/lots/{lot}/receive")
    Mono<LotView> receive(@PathVariable String lot, @RequestHeader(name = KEY, required = false) String key,
            @AuthenticationPrincipal Actor actor) {
        return lots.receive(lot, actor, key).flatMap(views::of);
    }

    @PostMapping("/api/makers/me/heartbeat")
    Mono<HeartbeatAnswer> heartbeat(@Valid @RequestBody(required = false) Heartbeat heartbeat,
            @AuthenticationPrincipal Actor actor) {
        String makerId = actor.requireMaker();
        Map<String, Double> progress = new LinkedHashMap<>();
        if (heartbeat != null && heartbeat.lots() != null) {
            heartbeat.lots().forEach(lot -> progress.put(lot.id(), lot.percent()));
        }
        return makers.seen(makerId)
                .thenMany(lots.heartbeat(makerId, progress))
                .map(lot -> new LotLease(lot.id(), lot.lotNumber(), lot.state(), lot.leaseExpiresAt()))
                .collectList()
                .map(leases -> new HeartbeatAnswer(lots.heartbeatInterval().toSeconds(), leases));
    }
}
