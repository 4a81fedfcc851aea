package org.fabrique.agent.journal;

import java.time.Instant;

import com.eclipsesource.json.JsonObject;

import org.fabrique.agent.coordinator.ApiRequest;
import org.fabrique.agent.coordinator.Json;

/** One call the agent means to make, written to disk before its first attempt. */
public record JournalEntry(long sequence, CallKind kind, String printerId, String lotId, String lotNumber,
                           ApiRequest request, Instant createdAt) {

    public String key() {
        return request.idempotencyKey();
    }

    /** "report for lot FAB-4K7-QM2-X" or "claim for printer mk3s-1". */
    public String describe() {
        return kind.noun() + (lotNumber != null ? " for lot " + lotNumber : " for printer " + printerId);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject()
                .add("op", "call")
                .add("seq", sequence)
                .add("kind", kind.name())
                .add("printerId", printerId)
                .add("key", request.idempotencyKey())
                .add("method", request.method())
                .add("path", request.path())
                .add("createdAt", createdAt.toString());
        Json.addIfPresent(json, "lotId", lotId);
        Json.addIfPresent(json, "lotNumber", lotNumber);
        if (request.body() != null) {
            json.add("body", request.body());
        }
        return json;
    }

    static JournalEntry fromJson(JsonObject json) {
        ApiRequest request = new ApiRequest(Json.string(json, "method"), Json.string(json, "path"),
                Json.string(json, "body"), Json.string(json, "key"));
        Instant createdAt = Json.instant(json, "createdAt");
        return new JournalEntry(json.getLong("seq", 0), CallKind.valueOf(Json.string(json, "kind")),
                Json.string(json, "printerId"), Json.string(json, "lotId"), Json.string(json, "lotNumber"), request,
                createdAt == null ? Instant.EPOCH : createdAt);
    }
}
