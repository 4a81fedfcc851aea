package org.fabrique.agent.coordinator;

import java.util.ArrayList;
import java.util.List;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;

/** {@code GET /api/makers/me}: who the token belongs to and which printers the coordinator knows. */
public record MakerProfile(String makerId, String pseudonym, String postcode, String country, String trustLevel,
                           List<String> printerIds) {

    public static MakerProfile fromJson(JsonObject json) {
        List<String> printers = new ArrayList<>();
        JsonValue list = json.get("printers");
        if (list != null && list.isArray()) {
            for (JsonValue printer : list.asArray()) {
                if (printer.isObject() && Json.string(printer.asObject(), "printerId") != null) {
                    printers.add(Json.string(printer.asObject(), "printerId"));
                }
            }
        }
        return new MakerProfile(Json.string(json, "makerId"), Json.string(json, "pseudonym"), Json.string(json, "postcode"),
                Json.string(json, "country"), Json.string(json, "trustLevel"), List.copyOf(printers));
    }
}
