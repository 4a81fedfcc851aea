package org.fabrique.coordinator.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fabrique.coordinator.need.Need;
import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.CoordinatorTest;
import org.fabrique.coordinator.support.DesignFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every way an inspection can go, through the API. */
class InspectionTest extends CoordinatorTest {

    private static final String CHECKED = "checked-frame";
    private static final String LENIENT = "lenient-frame";

    @BeforeAll
    void designsWithACriticalCheckAMeasureAndAMinorCheck() {
        insert(DesignFixtures.aDesign(CHECKED).withChecklist().build());
        insert(DesignFixtures.aDesign(LENIENT).withChecklist().aql(6.5).build());
    }

    /** A received lot of {@code items} items, and its need. */
    private String[] receivedLot(int items) {
        return receivedLot(CHECKED, items);
    }

    private String[] receivedLot(String design, int items) {
        String needId = api.postNeed(hospital.token(), design, items);
        String lot = claimLot(maker, items).text("id");
        Api.expect(api.lotAction(maker.token(), lot, "start", null, Api.newKey()), 200);
        Api.expect(api.lotAction(maker.token(), lot, "report", Map.of("printed", items, "failed", 0), Api.newKey()), 200);
        Api.expect(api.lotAction(maker.token(), lot, "ship", Map.of(), Api.newKey()), 200);
        Api.expect(api.lotAction(hospital.token(), lot, "receive", null, Api.newKey()), 200);
        return new String[] {lot, needId};
    }

    private JsonNode plan(String lot) {
        return Api.expect(api.get("/api/lots/" + lot + "/inspection", hospital.token()), 200).body();
    }

    /** Samples where item {@code failingItem} (1-based, 0 for none) fails check {@code failingCheck}. */
    private static List<Map<String, Object>> samples(int size, int failingItem, String failingCheck) {
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            List<Map<String, Object>> results = new ArrayList<>();
            for (String check : List.of("no-sharp-edges", "band-width", "print-quality")) {
                boolean pass = !(i == failingItem && check.equals(failingCheck));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("checkId", check);
                result.put("pass", pass);
                if (check.equals("band-width")) {
                    result.put("measured", pass ? 12.1 : 10.9);
                }
                results.add(result);
            }
            samples.add(Map.of("results", results));
        }
        return samples;
    }

    private Api.Response inspect(String lot, Map<String, Object> body) {
        return api.post("/api/lots/" + lot + "/inspection", hospital.token(), body);
    }

    private Need need(String id) {
        return coordinator.mongo().findById(id, Need.class).block();
    }

    @Test
    void theOpenInspectionGivesThePlanForTheLotSizeAndTheDesignsChecklist() {
        String lot = receivedLot(20)[0];
        JsonNode open = plan(lot);
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(open.get("plan").get("lotSize").asInt()).isEqualTo(20);
        assertThat(open.get("plan").get("codeLetter").asString()).isEqualTo("C");
        assertThat(open.get("plan").get("sampleSize").asInt()).isEqualTo(SamplingPlans.forLot(20, 2.5).sampleSize());
        assertThat(open.get("checklist")).extracting(c -> c.get("id").asString())
                .containsExactly("no-sharp-edges", "band-width", "print-quality");
    }

    @Test
    void aSampleWithoutDefectApprovesTheLotAndTheItemsCountAsDelivered() {
        String[] lotAndNeed = receivedLot(20);
        int n = plan(lotAndNeed[0]).get("plan").get("sampleSize").asInt();
        Api.Response done = Api.expect(inspect(lotAndNeed[0], Map.of("samples", samples(n, 0, null))), 200);
        JsonNode record = done.body().get("record");
        assertThat(record.get("defectives").asInt()).isZero();
        assertThat(record.get("impliedDecision").asString()).isEqualTo("APPROVED");
        assertThat(record.get("decision").asString()).isEqualTo("APPROVED");
        assertThat(record.get("inspector").asString()).startsWith("hospital:" + hospital.id());
        assertThat(done.text("lotState")).isEqualTo("APPROVED");
        assertThat(need(lotAndNeed[1]).approved()).isEqualTo(20);
    }

    @Test
    void aFailedCriticalCheckRejectsTheLotEvenWithinTheAcceptanceNumberAndItsItemsGoBack() {
        String[] lotAndNeed = receivedLot(LENIENT, 50);
        JsonNode plan = plan(lotAndNeed[0]).get("plan");
        assertThat(plan.get("acceptNumber").asInt()).isPositive();
        int n = plan.get("sampleSize").asInt();
        JsonNode record = Api.expect(inspect(lotAndNeed[0], Map.of("samples", samples(n, 1, "no-sharp-edges"))), 200)
                .body().get("record");
        assertThat(record.get("defectives").asInt()).isEqualTo(1);
        assertThat(record.get("decision").asString()).isEqualTo("REJECTED");
        assertThat(record.get("criticalFailures").get(0).asString()).isEqualTo("item 1: no-sharp-edges");
        assertThat(record.get("reason").asString()).contains("1 defective of " + n).contains("no-sharp-edges");
        Need need = need(lotAndNeed[1]);
        assertThat(need.rejected()).isEqualTo(50);
        assertThat(need.open()).isEqualTo(50);
    }

    @Test
    void aMinorDefectWithinTheAcceptanceNumberStillApproves() {
        String[] lotAndNeed = receivedLot(LENIENT, 50);
        JsonNode plan = plan(lotAndNeed[0]).get("plan");
        assertThat(plan.get("acceptNumber").asInt()).isPositive();
        JsonNode record = Api.expect(inspect(lotAndNeed[0], Map.of("samples",
                samples(plan.get("sampleSize").asInt(), 3, "print-quality"))), 200).body().get("record");
        assertThat(record.get("defectives").asInt()).isEqualTo(1);
        assertThat(record.get("decision").asString()).isEqualTo("APPROVED");
    }

    @Test
    void goingAgainstThePlanNeedsAnOverrideWithAWrittenReason() {
        String lot = receivedLot(20)[0];
        int n = plan(lot).get("plan").get("sampleSize").asInt();
        List<Map<String, Object>> failing = samples(n, 1, "no-sharp-edges");

        Api.Response silent = inspect(lot, Map.of("samples", failing, "decision", "APPROVED"));
        assertThat(silent.status()).isEqualTo(422);
        assertThat(silent.problemType()).isEqualTo("/problems/inspection-invalid");
        assertThat(silent.text("detail")).contains("implies REJECTED").contains("override");

        Api.Response terse = inspect(lot, Map.of("samples", failing, "decision", "APPROVED", "override", true, "reason", "ok"));
        assertThat(terse.status()).isEqualTo(422);

        JsonNode record = Api.expect(inspect(lot, Map.of("samples", failing, "decision", "APPROVED", "override", true,
                "reason", "edge was deburred by the pharmacist before use")), 200).body().get("record");
        assertThat(record.get("override").asBoolean()).isTrue();
        assertThat(record.get("impliedDecision").asString()).isEqualTo("REJECTED");
        assertThat(record.get("decision").asString()).isEqualTo("APPROVED");
    }

    @Test
    void theSampleMustMatchThePlanAndTheChecklist() {
        String lot = receivedLot(20)[0];
        int n = plan(lot).get("plan").get("sampleSize").asInt();

        Api.Response tooFew = inspect(lot, Map.of("samples", samples(n - 1, 0, null)));
        assertThat(tooFew.status()).isEqualTo(422);
        assertThat(tooFew.text("detail")).contains("inspects " + n + " items");

        List<Map<String, Object>> unknownCheck = samples(n, 0, null);
        unknownCheck.set(0, Map.of("results", List.of(Map.of("checkId", "colour", "pass", true))));
        Api.Response unknown = inspect(lot, Map.of("samples", unknownCheck));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("problems").toString()).contains("unknown check 'colour'").contains("not answered");

        List<Map<String, Object>> inconsistent = samples(n, 0, null);
        inconsistent.set(0, Map.of("results", List.of(Map.of("checkId", "no-sharp-edges", "pass", true),
                Map.of("checkId", "band-width", "pass", true, "measured", 9.0),
                Map.of("checkId", "print-quality", "pass", true))));
        Api.Response wrongMeasure = inspect(lot, Map.of("samples", inconsistent));
        assertThat(wrongMeasure.status()).isEqualTo(422);
        assertThat(wrongMeasure.text("detail")).contains("band-width measured 9.0 mm is outside 12.0 ± 0.5 but marked pass");
        assertThat(plan(lot).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void onlyAReceivedLotCanBeInspectedAndOnlyOnce() {
        String needId = api.postNeed(hospital.token(), CHECKED, 4);
        String lot = claimLot(maker, 4).text("id");
        Api.Response early = inspect(lot, Map.of("samples", samples(2, 0, null)));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.problemType()).isEqualTo("/problems/illegal-transition");
        assertThat(early.text("from")).isEqualTo("CLAIMED");
        Api.expect(api.post("/api/needs/" + needId + "/cancel", hospital.token(), Map.of()), 200);

        String received = receivedLot(4)[0];
        int n = plan(received).get("plan").get("sampleSize").asInt();
        String key = Api.newKey();
        Api.Response first = Api.expect(api.post("/api/lots/" + received + "/inspection", hospital.token(),
                Map.of("samples", samples(n, 0, null)), key), 200);
        Api.Response replay = api.post("/api/lots/" + received + "/inspection", hospital.token(),
                Map.of("samples", samples(n, 0, null)), key);
        assertThat(replay.raw()).isEqualTo(first.raw());
        Api.Response again = inspect(received, Map.of("samples", samples(n, 1, "no-sharp-edges")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(plan(received).get("record").get("decision").asString()).isEqualTo("APPROVED");
    }
}
