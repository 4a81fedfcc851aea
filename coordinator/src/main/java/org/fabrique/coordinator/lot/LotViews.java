package org.fabrique.coordinator.lot;

import org.fabrique.coordinator.design.Designs;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Renders lots with their design's parts, from the design cache. */
@Component
public class LotViews {

    private final Designs designs;

    public LotViews(Designs designs) {
        this.designs = designs;
    }

    public Mono<LotView> of(Lot lot) {
        return designs.findCached(lot.designSlug(), lot.designVersion())
                .map(design -> LotView.of(lot, design))
                .onErrorResume(e -> Mono.just(LotView.of(lot, null)));
    }
}
