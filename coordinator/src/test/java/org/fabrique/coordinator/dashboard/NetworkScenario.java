package org.fabrique.coordinator.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.DesignFixtures;
import org.fabrique.coordinator.support.TestCoordinator;
import tools.jackson.databind.JsonNode;

/**
 * A small network with a known outcome, for the tests of the figures: a hospital in the Rhône
 * (FR-69) needs {@value #REQUESTED} visor frames; a trusted maker in the Isère (FR-38) takes
 * four lots of them and leaves each in a different place:
 * <ul>
 * <li>{@code claimed}: 4 items claimed, not started;</li>
 * <li>{@code approved}: 3 printed, shipped, received, inspected and approved;</li>
 * <li>{@code rejected}: 2 claimed, 1 printed and 1 failed, shipped, received, rejected;</li>
 * <li>{@code released}: 1 claimed, then given up.</li>
 * </ul>
 * So: 10 requested, 10 allocated, 4 produced (3 + 1), 4 shipped, 3 approved, 1 rejected, 1
 * returned by the release; 4 claimed now; open = 10 − 4 (claimed) − 3 (approved) = 3.
 */
public final class NetworkScenario {

    public static final String DESIGN = "visor-frame";
    public static final String PRINTER = "mk3";
    public static final int REQUESTED = 10;
    public static final String HOSPITAL_NAME = "Hôpital Scénario Édouard-Herriot";
    public static final String HOSPITAL_POSTCODE = "69003";
    public static final String MAKER_POSTCODE = "38000";
    public static final String MAKER_PSEUDONYM = "Claudine Perret-Scénario";
    public static final String DELIVERY_POINT = "Pharmacie du pavillon K, porte 3";

    public final String coordinatorToken;
    public final Api.Hospital hospital;
    public final String makerId;
    public final String makerToken;
    public final String needId;
    public final Map<String, JsonNode> lots = new LinkedHashMap<>();

    private NetworkScenario(String coordinatorToken, Api.Hospital hospital, String makerId, String makerToken,
            String needId) {
        this.coordinatorToken = coordinatorToken;
        this.hospital = hospital;
        this.makerId = makerId;
        this.makerToken = makerToken;
        this.needId = needId;
    }

    /** Builds the network on a coordinator whose store holds nothing else. */
    public static NetworkScenario on(TestCoordinator coordinator) {
        coordinator.mongo().insert(DesignFixtures.aDesign(DESIGN).build()).block();
        Api api = coordinator.api();
        String coordinatorToken = coordinator.coordinatorToken();
        Api.Hospital hospital = api.createHospital(coordinatorToken, HOSPITAL_NAME, HOSPITAL_POSTCODE);
        Api.Response registered = Api.expect(api.post("/api/makers/register", null,
                Map.of("postcode", MAKER_POSTCODE, "country", "FR", "pseudonym", MAKER_PSEUDONYM)), 201);
        String makerId = registered.text("makerId");
        String makerToken = registered.text("token");
        api.putPrinter(makerToken, PRINTER, List.of("PETG", "PLA"), 250);
        Api.expect(api.put("/api/makers/" + makerId + "/trust", coordinatorToken, Map.of("trustLevel", "TRUSTED")), 200);
        Map<String, Object> need = new LinkedHashMap<>();
        need.put("design", DESIGN);
        need.put("quantity", REQUESTED);
        need.put("neededBy", java.time.LocalDate.now().plusDays(7).toString());
        need.put("priority", "HIGH");
        need.put("anyPublishedVersion", true);
        need.put("deliveryPoint", Map.of("name", DELIVERY_POINT, "postcode", HOSPITAL_POSTCODE));
        String needId = Api.expect(api.post("/api/needs", hospital.token(), need), 201).text("id");
        NetworkScenario scenario = new NetworkScenario(coordinatorToken, hospital, makerId, makerToken, needId);

        scenario.lots.put("approved", scenario.inspected(api, scenario.shippedAndReceived(api, 3, 3), true));
        scenario.lots.put("rejected", scenario.inspected(api, scenario.shippedAndReceived(api, 2, 1), false));
        JsonNode released = scenario.claim(api, 1);
        scenario.lots.put("released", Api.expect(api.lotAction(makerToken, id(released), "release",
                Map.of("reason", "printer jammed"), Api.newKey()), 200).body());
        scenario.lots.put("claimed", scenario.claim(api, 4));
        return scenario;
    }

    public static String id(JsonNode lot) {
        return lot.get("id").asString();
    }

    public String lotNumber(String which) {
        return lots.get(which).get("lotNumber").asString();
    }

    JsonNode claim(Api api, int items) {
        return Api.expect(api.claim(makerToken, PRINTER, items, Api.newKey()), 201).body();
    }

    private JsonNode shippedAndReceived(Api api, int items, int printed) {
        String lot = id(claim(api, items));
        Api.expect(api.lotAction(makerToken, lot, "start", null, Api.newKey()), 200);
        Api.expect(api.lotAction(makerToken, lot, "report", Map.of("printed", printed, "failed", items - printed),
                Api.newKey()), 200);
        Api.expect(api.lotAction(makerToken, lot, "ship", Map.of("carrier", "La Poste"), Api.newKey()), 200);
        return Api.expect(api.lotAction(hospital.token(), lot, "receive", null, Api.newKey()), 200).body();
    }

    /** Inspects a received lot with its sampling plan: every check passes, or the first item fails its first check. */
    private JsonNode inspected(Api api, JsonNode lot, boolean pass) {
        return inspect(api, hospital.token(), id(lot), pass);
    }

    public static JsonNode inspect(Api api, String hospitalToken, String lot, boolean pass) {
        JsonNode view = Api.expect(api.get("/api/lots/" + lot + "/inspection", hospitalToken), 200).body();
        int sampleSize = view.get("plan").get("sampleSize").asInt();
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < sampleSize; i++) {
            List<Map<String, Object>> results = new ArrayList<>();
            boolean first = true;
            for (JsonNode check : view.get("checklist")) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("checkId", check.get("id").asString());
                result.put("pass", pass || i > 0 || !first);
                results.add(result);
                first = false;
            }
            samples.add(Map.of("results", results));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("samples", samples);
        body.put("decision", pass ? "APPROVED" : "REJECTED");
        body.put("override", false);
        if (!pass) {
            body.put("reason", "sharp edge on the first item sampled");
        }
        Api.expect(api.post("/api/lots/" + lot + "/inspection", hospitalToken, body), 200);
        return Api.expect(api.get("/api/lots/" + lot, hospitalToken), 200).body();
    }
}
