package org.fabrique.loadgen;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;

/**
 * Fills in the inspection the coordinator asks for ({@code GET /api/lots/{id}/inspection}): as many
 * sampled items as the plan says, each with a result for every check of the design's checklist.
 */
final class InspectionForm {

    private InspectionForm() {
    }

    /**
     * Every sampled item passes every check, measured at the nominal value; or, for a lot to be
     * rejected, every sampled item fails the first check (measured out of tolerance).
     */
    static JsonObject filledIn(JsonObject view, boolean defective) {
        int sampleSize = view.get("plan").asObject().getInt("sampleSize", 0);
        JsonArray checklist = view.get("checklist").asArray();
        JsonArray samples = new JsonArray();
        for (int i = 0; i < sampleSize; i++) {
            JsonArray results = new JsonArray();
            boolean first = true;
            for (JsonValue item : checklist) {
                JsonObject check = item.asObject();
                boolean pass = !(defective && first);
                JsonObject result = Json.object().add("checkId", check.getString("id", null)).add("pass", pass);
                JsonValue measure = check.get("measure");
                if (measure != null && measure.isObject()) {
                    double nominal = measure.asObject().getDouble("nominal", 0);
                    double tolerance = measure.asObject().getDouble("tolerance", 0);
                    result.add("measured", pass ? nominal : nominal + 2 * tolerance + 1);
                }
                results.add(result);
                first = false;
            }
            samples.add(Json.object().add("results", results));
        }
        return Json.object().add("samples", samples);
    }
}
