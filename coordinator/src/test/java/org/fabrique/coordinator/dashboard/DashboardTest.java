package org.fabrique.coordinator.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.MutableClock;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

    private final MutableClock clock = MutableClock.startingNow();
    private TestCoordinator coordinator;
    private Api api;
    private NetworkScenario network;

    @BeforeAll
    void buildTheNetwork() {
        coordinator = TestCoordinator.builder().embeddedMemory().clock(clock)
                .property("fabrique.dashboard.cache-ttl", "0s").start();
        api = coordinator.api();
        network = NetworkScenario.on(coordinator);
    }

    @AfterAll
    void stop() {
        coordinator.close();
    }

    private JsonNode dashboard() {
        return Api.expect(api.get("/api/dashboard", network.coordinatorToken), 200).body();
    }

    @Test
    void theTotalsCountItemsWhereTheyStandNowAndSinceTheBeginning() {
        JsonNode totals = dashboard().get("totals");

        assertThat(totals.get("requested").asInt()).isEqualTo(10);
        assertThat(totals.get("open").asInt()).isEqualTo(3);
        assertThat(totals.get("claimed").asInt()).isEqualTo(4);
        assertThat(totals.get("printing").asInt()).isZero();
        assertThat(totals.get("allocated").asInt()).isEqualTo(3 + 2 + 1 + 4);
        assertThat(totals.get("produced").asInt()).isEqualTo(4);
        assertThat(totals.get("delivered").asInt()).isEqualTo(4);
        assertThat(totals.get("approved").asInt()).isEqualTo(3);
        assertThat(totals.get("rejected").asInt()).isEqualTo(1);
        assertThat(totals.get("returned").asInt()).isEqualTo(1);
    }

    @Test
    void theFunnelGoesFromTheItemsRequestedToTheItemsApproved() {
        assertThat(dashboard().get("funnel")).extracting(stage -> stage.get("stage").asString() + "=" + stage.get("items").asInt())
                .containsExactly("requested=10", "allocated=10", "produced=4", "delivered=4", "approved=3");
    }

    @Test
    void progressIsGivenPerDesignAndPerHospital() {
        JsonNode snapshot = dashboard();

        JsonNode design = snapshot.get("designs").get(0);
        assertThat(design.get("design").asString()).isEqualTo(NetworkScenario.DESIGN);
        assertThat(design.get("title").get("en").asString()).isEqualTo("Frame");
        assertThat(design.get("progress").get("approved").asInt()).isEqualTo(3);
        JsonNode hospital = snapshot.get("hospitals").get(0);
        assertThat(hospital.get("name").asString()).isEqualTo(NetworkScenario.HOSPITAL_NAME);
        assertThat(hospital.get("area").asString()).isEqualTo("FR-69");
        assertThat(hospital.get("progress").get("requested").asInt()).isEqualTo(10);
        assertThat(hospital.get("progress").get("rejected").asInt()).isEqualTo(1);
        assertThat(snapshot.get("lots").get("APPROVED").asInt()).isEqualTo(1);
        assertThat(snapshot.get("lots").get("CLAIMED").asInt()).isEqualTo(1);
        assertThat(snapshot.get("lots").get("RELEASED").asInt()).isEqualTo(1);
    }

    @Test
    void throughputCountsTheItemsOfEachHourOfTheLastDay() {
        JsonNode throughput = dashboard().get("throughput");

        assertThat(throughput.get("hours")).hasSize(Dashboard.THROUGHPUT_HOURS);
        assertThat(sum(throughput.get("items").get("printed"))).isEqualTo(4);
        assertThat(sum(throughput.get("items").get("shipped"))).isEqualTo(4);
        assertThat(sum(throughput.get("items").get("approved"))).isEqualTo(3);
        assertThat(sum(throughput.get("items").get("rejected"))).isEqualTo(1);
        int lastHour = Dashboard.THROUGHPUT_HOURS - 1;
        assertThat(throughput.get("items").get("printed").get(lastHour).asInt())
                .as("everything happened in the current hour, the last one").isEqualTo(4);
    }

    @Test
    void theMakersTableGivesEachMakersRecordUnderItsPseudonym() {
        List<JsonNode> makers = List.copyOf(dashboard().get("makers").valueStream().toList());

        assertThat(makers).hasSize(1);
        JsonNode maker = makers.get(0);
        assertThat(maker.get("pseudonym").asString()).isEqualTo(NetworkScenario.MAKER_PSEUDONYM);
        assertThat(maker.get("area").asString()).isEqualTo("FR-38");
        assertThat(maker.get("record").get("approvedLots").asInt()).isEqualTo(1);
        assertThat(maker.get("record").get("rejectedLots").asInt()).isEqualTo(1);
        assertThat(maker.get("activeLots").asInt()).isEqualTo(1);
        assertThat(maker.get("releasedLots").asInt()).isEqualTo(1);
        assertThat(maker.get("expiredLots").asInt()).isZero();
    }

    @Test
    void aLotWhoseAgentWentQuietAndLotsLeftWaitingAreFlagged() {
        assertThat(dashboard().get("lapsing")).as("every lease was just renewed").isEmpty();
        assertThat(dashboard().get("stuck")).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        JsonNode lapsing = dashboard().get("lapsing");
        assertThat(lapsing).extracting(lot -> lot.get("lotNumber").asString()).containsExactly(network.lotNumber("claimed"));
        assertThat(lapsing.get(0).get("reason").asString()).isEqualTo("lease-lapsing");
        assertThat(lapsing.get(0).get("maker").asString()).isEqualTo(NetworkScenario.MAKER_PSEUDONYM);
        clock.advance(Duration.ofMinutes(-2));
    }

    @Test
    void onlyCoordinatorsSeeTheDashboard() {
        Api.Response asHospital = api.get("/api/dashboard", network.hospital.token());
        Api.Response anonymous = api.get("/api/dashboard", null);

        assertThat(asHospital.status()).isEqualTo(403);
        assertThat(asHospital.problemType()).isEqualTo("/problems/forbidden");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aSnapshotSaysUpToWhichEventItIsComplete() {
        long lastEvent = coordinator.bean(org.fabrique.coordinator.event.EventLog.class).lastSeq().block();

        assertThat(dashboard().get("asOfSeq").asLong()).isEqualTo(lastEvent);
    }

    private static int sum(JsonNode values) {
        return values.valueStream().mapToInt(JsonNode::asInt).sum();
    }
}
