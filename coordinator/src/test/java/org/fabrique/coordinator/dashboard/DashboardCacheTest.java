package org.fabrique.coordinator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DashboardCacheTest {

    @Test
    void anInstanceReusesItsFiguresWithinTheCachePeriodAndTheySayHowFarTheyGo() {
        try (TestCoordinator coordinator = TestCoordinator.builder().embeddedMemory()
                .property("fabrique.dashboard.cache-ttl", "1h").start()) {
            NetworkScenario network = NetworkScenario.on(coordinator);
            Api api = coordinator.api();
            JsonNode first = Api.expect(api.get("/api/dashboard", network.coordinatorToken), 200).body();

            api.postNeed(network.hospital.token(), NetworkScenario.DESIGN, 5);
            JsonNode second = Api.expect(api.get("/api/dashboard", network.coordinatorToken), 200).body();
            long lastEvent = coordinator.bean(org.fabrique.coordinator.event.EventLog.class).lastSeq().block();

            assertThat(second.get("computedAt")).isEqualTo(first.get("computedAt"));
            assertThat(second.get("totals").get("requested").asInt()).isEqualTo(NetworkScenario.REQUESTED);
            assertThat(second.get("asOfSeq").asLong()).as("a page that saw the new need knows these figures predate it")
                    .isLessThan(lastEvent);
            assertThat(second.get("maxAgeMillis").asLong()).isEqualTo(3_600_000);
        }
    }
}
