package org.fabrique.coordinator.traceability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fabrique.coordinator.event.Event;
import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.CoordinatorTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Recalls select the right lots and tell the right hospitals; a lot's trace shows its whole chain. */
class RecallTest extends CoordinatorTest {

    private Api.Maker suspect;
    private Api.Hospital secondHospital;
    private String suspectLotHere;
    private String suspectLotThere;
    private String suspectLotStillClaimed;
    private String cleanLot;

    @BeforeAll
    void lotsOfTwoMakersForTwoHospitals() {
        suspect = trustedMaker("01000");
        secondHospital = api.createHospital(coordinatorToken, "CH Bourg-en-Bresse", "01000");
        suspectLotHere = shipped(hospital, suspect);
        suspectLotThere = shipped(secondHospital, suspect);
        cleanLot = shipped(hospital, maker);
        api.postNeed(hospital.token(), DESIGN, 2);
        suspectLotStillClaimed = claimLot(suspect, 2).text("id");
    }

    private String shipped(Api.Hospital to, Api.Maker by) {
        cancelNeedsLeftOpen();
        api.postNeed(to.token(), DESIGN, 3);
        String lot = claimLot(by, 3).text("id");
        Api.expect(api.lotAction(by.token(), lot, "start", null, Api.newKey()), 200);
        Api.expect(api.lotAction(by.token(), lot, "report", Map.of("printed", 3, "failed", 0), Api.newKey()), 200);
        Api.expect(api.lotAction(by.token(), lot, "ship", Map.of(), Api.newKey()), 200);
        return lot;
    }

    private static List<String> lotIds(JsonNode lots) {
        return lots.valueStream().map(lot -> lot.get("lotId").asString()).toList();
    }

    @Test
    void aRecallByMakerSelectsItsPrintedLotsOnlyAndTheirHospitals() {
        JsonNode preview = Api.expect(api.post("/api/recalls/preview", coordinatorToken, Map.of("makerId", suspect.id())), 200)
                .body();
        assertThat(lotIds(preview.get("lots"))).containsExactlyInAnyOrder(suspectLotHere, suspectLotThere)
                .doesNotContain(suspectLotStillClaimed, cleanLot);
        assertThat(preview.get("hospitalIds")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(hospital.id(), secondHospital.id());
        assertThat(preview.get("items").asInt()).isEqualTo(6);
    }

    @Test
    void aRecallByMaterialAndPrintDateNarrowsTheSelection() {
        String today = LocalDate.now().toString();
        JsonNode byMaterial = Api.expect(api.post("/api/recalls/preview", coordinatorToken,
                Map.of("material", "PETG", "printedFrom", today, "printedTo", today)), 200).body();
        assertThat(lotIds(byMaterial.get("lots"))).contains(suspectLotHere, suspectLotThere, cleanLot);
        JsonNode yesterday = Api.expect(api.post("/api/recalls/preview", coordinatorToken,
                Map.of("printedTo", LocalDate.now().minusDays(1).toString())), 200).body();
        assertThat(yesterday.get("lots")).isEmpty();
        JsonNode everything = Api.expect(api.post("/api/recalls/preview", coordinatorToken, Map.of()), 400).body();
        assertThat(everything.get("detail").asString()).contains("at least one");
    }

    @Test
    void issuingARecallNotifiesEachHospitalWithItsOwnLots() {
        Api.Response issued = Api.expect(api.post("/api/recalls", coordinatorToken, Map.of("selection",
                Map.of("makerId", suspect.id()), "reason", "filament batch contaminated")), 201);
        String recallId = issued.text("id");

        JsonNode seenHere = Api.expect(api.get("/api/recalls", hospital.token()), 200).body();
        assertThat(seenHere).hasSize(1);
        assertThat(lotIds(seenHere.get(0).get("lots"))).containsExactly(suspectLotHere);
        JsonNode seenThere = Api.expect(api.get("/api/recalls/" + recallId, secondHospital.token()), 200).body();
        assertThat(lotIds(seenThere.get("lots"))).containsExactly(suspectLotThere);
        assertThat(api.get("/api/recalls", maker.token()).status()).isEqualTo(403);
        assertThat(api.post("/api/recalls", hospital.token(), Map.of("selection", Map.of("makerId", suspect.id()),
                "reason", "x")).status()).isEqualTo(403);

        List<Event> notices = coordinator.mongo().find(Query.query(Criteria.where("type").is("recall.issued")
                .and("hospitalId").ne(null)), Event.class).collectList().block();
        assertThat(notices).extracting(Event::hospitalId).containsExactlyInAnyOrder(hospital.id(), secondHospital.id());

        JsonNode trace = Api.expect(api.get("/api/lots/" + suspectLotHere + "/trace", hospital.token()), 200).body();
        assertThat(trace.get("recalls")).extracting(JsonNode::asString).containsExactly(recallId);
    }

    @Test
    void aLotsTraceShowsDesignFilesMakerPrinterNeedHistoryAndEvents() {
        JsonNode trace = Api.expect(api.get("/api/lots/" + cleanLot + "/trace", hospital.token()), 200).body();
        assertThat(trace.get("design").get("files").get(0).get("sha256").asString()).hasSize(64);
        assertThat(trace.get("maker").get("pseudonym").asString()).startsWith("maker-");
        assertThat(trace.get("printer").get("printerId").asString()).isEqualTo(PRINTER);
        assertThat(trace.get("need").get("hospitalName").asString()).isEqualTo("CHU de test");
        assertThat(trace.get("lot").get("history")).extracting(t -> t.get("to").asString())
                .containsExactly("CLAIMED", "PRINTING", "PRINTED", "SHIPPED");
        assertThat(trace.get("events")).extracting(e -> e.get("type").asString())
                .contains("lot.claimed", "lot.state-changed");
        assertThat(api.get("/api/lots/" + cleanLot + "/trace", secondHospital.token()).status()).isEqualTo(403);
    }
}
