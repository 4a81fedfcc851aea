package org.fabrique.agent.coordinator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;

/** A successful answer (2xx) from the coordinator. */
public record ApiResponse(int status, byte[] body, Optional<Duration> retryAfter, boolean replayed) {

    public boolean hasBody() {
        return body.length > 0;
    }

    public JsonValue json() throws CoordinatorProtocolException {
        try {
            return com.eclipsesource.json.Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new CoordinatorProtocolException("the coordinator answered " + status + " with a body that is not JSON: " + e.getMessage());
        }
    }

    public JsonObject jsonObject() throws CoordinatorProtocolException {
        JsonValue value = json();
        if (!value.isObject()) {
            throw new CoordinatorProtocolException("the coordinator answered " + status + " with JSON that is not an object");
        }
        return value.asObject();
    }
}
