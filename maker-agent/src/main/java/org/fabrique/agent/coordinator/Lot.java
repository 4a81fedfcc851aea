package org.fabrique.agent.coordinator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;

/**
 * A lot as the coordinator sent it. The original JSON is kept ({@link #json()}) so the agent can store
 * it in its work state and read it back exactly.
 */
public record Lot(
        String id,
        String lotNumber,
        LotState state,
        int quantity,
        int printed,
        int failed,
        String hospitalName,
        String designSlug,
        String designVersion,
        String material,
        String printerId,
        List<Part> parts,
        Double estimatedMinutesPerItem,
        Instant leaseExpiresAt,
        String json) {

    /** Used when a design has no print-time estimate yet. */
    public static final double DEFAULT_MINUTES_PER_ITEM = 60;

    public static Lot fromJson(JsonObject object) throws CoordinatorProtocolException {
        String id = Json.string(object, "id");
        if (id == null || id.isBlank()) {
            throw new CoordinatorProtocolException("the coordinator sent a lot without an id");
        }
        JsonObject design = Json.object(object, "design");
        List<Part> parts = new ArrayList<>();
        JsonValue partsValue = object.get("parts");
        if (partsValue != null && partsValue.isArray()) {
            for (JsonValue part : partsValue.asArray()) {
                if (part.isObject()) {
                    parts.add(Part.fromJson(part.asObject()));
                }
            }
        }
        return new Lot(id,
                Json.string(object, "lotNumber") == null ? id : Json.string(object, "lotNumber"),
                LotState.parse(Json.string(object, "state")),
                Json.integer(object, "quantity", 0),
                Json.integer(object, "printed", 0),
                Json.integer(object, "failed", 0),
                Json.string(Json.object(object, "hospital"), "name"),
                Json.string(design, "slug"),
                Json.string(design, "version"),
                Json.string(object, "material"),
                Json.string(object, "printerId"),
                List.copyOf(parts),
                Json.decimal(object, "estimatedMinutesPerItem"),
                Json.instant(object, "leaseExpiresAt"),
                object.toString());
    }

    public static Lot fromJson(String json) throws CoordinatorProtocolException {
        try {
            JsonValue value = com.eclipsesource.json.Json.parse(json);
            if (!value.isObject()) {
                throw new CoordinatorProtocolException("a lot must be a JSON object");
            }
            return fromJson(value.asObject());
        } catch (com.eclipsesource.json.ParseException e) {
            throw new CoordinatorProtocolException("a lot is not valid JSON: " + e.getMessage());
        }
    }

    public Duration estimatedTimePerItem() {
        double minutes = estimatedMinutesPerItem == null || estimatedMinutesPerItem <= 0
                ? DEFAULT_MINUTES_PER_ITEM : estimatedMinutesPerItem;
        return Duration.ofMillis(Math.round(minutes * 60_000));
    }

    /** "4 × face-shield-headband@1.0.0 in PETG for CHU Lyon Sud" */
    public String summary() {
        String design = designSlug == null ? "unknown design" : designSlug + (designVersion == null ? "" : "@" + designVersion);
        return quantity + " × " + design
                + (material == null ? "" : " in " + material.toUpperCase(Locale.ROOT))
                + (hospitalName == null ? "" : " for " + hospitalName);
    }
}
