package org.fabrique.coordinator.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.CoordinatorTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** Who may do what: roles from the token, ownership from the data. */
class AuthorizationTest extends CoordinatorTest {

    private Api.Maker otherMaker;
    private Api.Hospital otherHospital;
    private String needId;
    private String lotId;

    @BeforeAll
    void aLotOfTheFirstMakerForTheFirstHospital() {
        otherMaker = trustedMaker("38000");
        otherHospital = api.createHospital(coordinatorToken, "CH voisin", "38000");
        needId = api.postNeed(hospital.token(), DESIGN, 10);
        lotId = claimLot(maker, 2).text("id");
    }

    private static void assertStatus(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.problemType()).isEqualTo("/problems/" + type);
    }

    @Test
    void aMissingMalformedOrUnknownTokenIsA401() {
        assertStatus(api.get("/api/needs", null), 401, "unauthenticated");
        assertStatus(api.raw(HttpMethod.GET, "/api/needs", null, null, null, Map.of("Authorization", "Basic dXNlcjpwYXNz")),
                401, "unauthenticated");
        assertStatus(api.get("/api/needs", "fab_" + "x".repeat(43)), 401, "unauthenticated");
        assertStatus(api.get("/api/needs", "not-a-token"), 401, "unauthenticated");
    }

    @Test
    void aMakerCannotApproveAPostNeedOrUploadDesigns() {
        assertStatus(api.lotAction(maker.token(), lotId, "inspection", Map.of("samples", java.util.List.of()), Api.newKey()),
                403, "forbidden");
        assertStatus(api.post("/api/needs", maker.token(), Map.of("design", DESIGN, "quantity", 1, "neededBy", "2099-01-01")),
                403, "forbidden");
        assertStatus(api.post("/api/designs/" + DESIGN + "/1.0.0/retire", maker.token(), null), 403, "forbidden");
        assertStatus(api.get("/api/makers", maker.token()), 403, "forbidden");
    }

    @Test
    void aHospitalCannotClaimNorPrint() {
        assertStatus(api.claim(hospital.token(), PRINTER, 2, Api.newKey()), 403, "forbidden");
        assertStatus(api.lotAction(hospital.token(), lotId, "start", null, Api.newKey()), 403, "forbidden");
        assertStatus(api.post("/api/hospitals", hospital.token(), Map.of("name", "x", "postcode", "69003")), 403, "forbidden");
    }

    @Test
    void nobodyTouchesAnotherMakersLots() {
        assertStatus(api.get("/api/lots/" + lotId, otherMaker.token()), 403, "forbidden");
        for (String action : new String[] {"start", "report", "ship", "release"}) {
            assertStatus(api.lotAction(otherMaker.token(), lotId, action, Map.of("printed", 2, "failed", 0), Api.newKey()),
                    403, "forbidden");
        }
        assertThat(api.get("/api/makers/me/lots", otherMaker.token()).body()).isEmpty();
        assertThat(Api.expect(api.get("/api/lots/" + lotId, maker.token()), 200).text("state")).isEqualTo("CLAIMED");
    }

    @Test
    void nobodyTouchesAnotherHospitalsLotsOrNeeds() {
        String shipped = shippedLot();
        assertStatus(api.lotAction(otherHospital.token(), shipped, "receive", null, Api.newKey()), 403, "forbidden");
        assertStatus(api.get("/api/lots/" + shipped, otherHospital.token()), 403, "forbidden");
        assertStatus(api.get("/api/needs/" + needId, otherHospital.token()), 404, "need-not-found");
        assertStatus(api.post("/api/needs/" + needId + "/cancel", otherHospital.token(), Map.of()), 404, "need-not-found");
        assertThat(api.get("/api/needs", otherHospital.token()).body()).isEmpty();
        Api.expect(api.lotAction(hospital.token(), shipped, "receive", null, Api.newKey()), 200);
        assertStatus(api.lotAction(otherHospital.token(), shipped, "inspection", Map.of("samples", java.util.List.of()),
                Api.newKey()), 403, "forbidden");
        assertStatus(api.get("/api/lots/" + shipped + "/inspection", otherHospital.token()), 403, "forbidden");
    }

    @Test
    void draftDesignsAreForCoordinatorsOnly() {
        insert(org.fabrique.coordinator.support.DesignFixtures.aDesign("secret-draft")
                .status(org.fabrique.designs.DesignStatus.DRAFT).build());
        assertStatus(api.get("/api/designs/secret-draft/1.0.0", null), 404, "design-not-found");
        assertStatus(api.get("/api/designs/secret-draft/1.0.0", maker.token()), 404, "design-not-found");
        Api.expect(api.get("/api/designs/secret-draft/1.0.0", coordinatorToken), 200);
    }

    @Test
    void aDisabledAccountCannotAuthenticateAnyMore() {
        Api.Hospital staff = api.createHospital(coordinatorToken, "Clinique fermée", "69008");
        Api.expect(api.get("/api/needs", staff.token()), 200);
        String accountId = Api.expect(api.get("/api/accounts", coordinatorToken), 200).body().valueStream()
                .filter(account -> staff.id().equals(account.path("hospitalId").asString(null)))
                .findFirst().orElseThrow().get("id").asString();
        Api.expect(api.post("/api/accounts/" + accountId + "/disable", coordinatorToken, null), 200);
        assertStatus(api.get("/api/needs", staff.token()), 401, "unauthenticated");
    }

    private String shippedLot() {
        api.postNeed(hospital.token(), DESIGN, 1);
        String lot = claimLot(maker, 1).text("id");
        Api.expect(api.lotAction(maker.token(), lot, "start", null, Api.newKey()), 200);
        Api.expect(api.lotAction(maker.token(), lot, "report", Map.of("printed", 1, "failed", 0), Api.newKey()), 200);
        Api.expect(api.lotAction(maker.token(), lot, "ship", Map.of(), Api.newKey()), 200);
        return lot;
    }
}
