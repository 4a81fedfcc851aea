package org.fabrique.coordinator.dashboard;

import org.fabrique.coordinator.account.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The coordinators' live picture of the network; pages refresh it when events arrive. */
@RestController
class DashboardController {

    private final Dashboard dashboard;

    DashboardController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/dashboard")
    Mono<Dashboard.Snapshot> snapshot(@AuthenticationPrincipal Actor actor) {
        actor.requireCoordinator();
        return dashboard.snapshot();
    }
}
