package org.fabrique.coordinator.claim;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.lot.LotView;
import org.fabrique.coordinator.lot.LotViews;
import org.fabrique.coordinator.system.FabriqueProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ClaimController {

    record ClaimRequest(@NotBlank String printerId, @Min(1) @Max(1000) int maxItems) {
    }

    private final Claims claims;
    private final LotViews views;
    private final FabriqueProperties properties;

    ClaimController(Claims claims, LotViews views, FabriqueProperties properties) {
        this.claims = claims;
        this.views = views;
        this.properties = properties;
    }

    /** 201 with the allocated lot, or 204 with Retry-After when nothing fits this printer now. */
    @PostMapping("/api/makers/me/claims")
    Mono<ResponseEntity<LotView>> claim(@Valid @RequestBody ClaimRequest request,
            @RequestHeader("Idempotency-Key") String key, @AuthenticationPrincipal Actor actor) {
        return claims.claim(actor, request.printerId(), request.maxItems(), key)
                .flatMap(views::of)
                .map(lot -> ResponseEntity.created(URI.create("/api/lots/" + lot.id())).body(lot))
                .defaultIfEmpty(ResponseEntity.noContent()
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(properties.lots().noWorkRetryAfter().toSeconds()))
                        .build());
    }
}
