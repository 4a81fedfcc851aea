package org.fabrique.agent.coordinator;

import com.eclipsesource.json.JsonObject;

/** One file of a design that a lot needs, with the SHA-256 the downloaded bytes must have. */
public record Part(String name, String file, String sha256, long bytes, int countPerItem, String url) {

    static Part fromJson(JsonObject json) {
        String file = Json.string(json, "file");
        Double bytes = Json.decimal(json, "bytes");
        return new Part(Json.string(json, "name"), file, Json.string(json, "sha256"),
                bytes == null ? -1 : bytes.longValue(), Json.integer(json, "countPerItem", 1), Json.string(json, "url"));
    }
}
