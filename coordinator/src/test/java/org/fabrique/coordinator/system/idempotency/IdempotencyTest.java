package org.fabrique.coordinator.system.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fabrique.coordinator.lot.Lot;
import org.fabrique.coordinator.need.Need;
import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.CoordinatorTest;
import org.junit.jupiter.api.Test;

/** Every state-changing agent call, sent twice with one key, answers the same and changes state once. */
class IdempotencyTest extends CoordinatorTest {

    private Api.Response twice(String token, String path, Object body) {
        String key = Api.newKey();
        Api.Response first = api.post(path, token, body, key);
        Api.Response replay = api.post(path, token, body, key);
        assertThat(replay.status()).isEqualTo(first.status());
        assertThat(replay.raw()).isEqualTo(first.raw());
        assertThat(replay.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isNull();
        return first;
    }

    private Lot lot(String id) {
        return coordinator.mongo().findById(id, Lot.class).block();
    }

    @Test
    void everyAgentCallReplayedWithTheSameKeyChangesStateOnce() {
        String needId = api.postNeed(hospital.token(), DESIGN, 8);
        String lotId = Api.expect(twice(maker.token(), "/api/makers/me/claims", Map.of("printerId", PRINTER, "maxItems", 4)), 201)
                .text("id");
        assertThat(coordinator.mongo().findById(needId, Need.class).block().allocated()).isEqualTo(4);

        Api.expect(twice(maker.token(), "/api/lots/" + lotId + "/start", null), 200);
        Api.expect(twice(maker.token(), "/api/lots/" + lotId + "/report", Map.of("printed", 3, "failed", 1)), 200);
        Api.expect(twice(maker.token(), "/api/lots/" + lotId + "/ship", Map.of("carrier", "La Poste")), 200);

        Lot shipped = lot(lotId);
        assertThat(shipped.history()).extracting(Lot.Transition::to).extracting(Enum::name)
                .containsExactly("CLAIMED", "PRINTING", "PRINTED", "SHIPPED");
        Need need = coordinator.mongo().findById(needId, Need.class).block();
        assertThat(need.allocated()).isEqualTo(3);
        assertThat(need.open()).isEqualTo(5);
        assertThat(need.shipped()).isEqualTo(3);

        String secondLot = claimLot(maker, 2).text("id");
        Api.expect(twice(maker.token(), "/api/lots/" + secondLot + "/release", Map.of("reason", "out of filament")), 200);
        assertThat(lot(secondLot).history()).hasSize(2);
        assertThat(coordinator.mongo().findById(needId, Need.class).block().open()).isEqualTo(5);
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefused() {
        api.postNeed(hospital.token(), DESIGN, 4);
        String key = Api.newKey();
        Api.expect(api.claim(maker.token(), PRINTER, 1, key), 201);
        Api.Response reused = api.claim(maker.token(), PRINTER, 2, key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.problemType()).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void keysBelongToTheirCaller() {
        api.postNeed(hospital.token(), DESIGN, 4);
        Api.Maker other = trustedMaker("69008");
        String key = Api.newKey();
        String mine = Api.expect(api.claim(maker.token(), PRINTER, 1, key), 201).text("id");
        String theirs = Api.expect(api.claim(other.token(), PRINTER, 1, key), 201).text("id");
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void anAgentCallWithoutAKeyOrWithAMalformedKeyIsRefused() {
        Api.Response missing = api.claim(maker.token(), PRINTER, 1, null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemType()).isEqualTo("/problems/idempotency-key-missing");
        Api.Response malformed = api.claim(maker.token(), PRINTER, 1, "short");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemType()).isEqualTo("/problems/idempotency-key-invalid");
    }

    @Test
    void aRefusedRequestIsReplayedAsTheSameRefusal() {
        api.postNeed(hospital.token(), DESIGN, 2);
        String lotId = claimLot(maker, 1).text("id");
        Api.Response refused = twice(maker.token(), "/api/lots/" + lotId + "/ship", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("/problems/illegal-transition");
        assertThat(refused.text("from")).isEqualTo("CLAIMED");
    }

    @Test
    void aHeartbeatNeedsNoKeyAndOnlyExtendsLeases() {
        api.postNeed(hospital.token(), DESIGN, 2);
        String lotId = claimLot(maker, 1).text("id");
        Lot before = lot(lotId);
        Api.Response beat = Api.expect(api.post("/api/makers/me/heartbeat", maker.token(),
                Map.of("lots", java.util.List.of(Map.of("id", lotId, "percent", 10.0))), null), 200);
        assertThat(beat.body().get("heartbeatSeconds").asInt()).isEqualTo(30);
        assertThat(lot(lotId).version()).isEqualTo(before.version());
        assertThat(lot(lotId).leaseExpiresAt()).isAfterOrEqualTo(before.leaseExpiresAt());
    }
}
