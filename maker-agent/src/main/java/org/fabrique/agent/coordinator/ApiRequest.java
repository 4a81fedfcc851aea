package org.fabrique.agent.coordinator;

import java.util.regex.Pattern;

/**
 * One call to the coordinator, complete enough to be written to the journal and sent again later:
 * method, path under the coordinator's base URL, JSON body and, for state-changing calls, the
 * idempotency key that every attempt of this call carries.
 */
public record ApiRequest(String method, String path, String body, String idempotencyKey) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    public ApiRequest {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw new IllegalArgumentException("idempotency key must be 8 to 64 characters from [A-Za-z0-9._:-]: " + idempotencyKey);
        }
    }

    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, null, null);
    }

    public static ApiRequest put(String path, String body) {
        return new ApiRequest("PUT", path, body, null);
    }

    public static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, null, null);
    }

    public static ApiRequest post(String path, String body) {
        return new ApiRequest("POST", path, body, null);
    }

    /** A state-changing POST carrying its idempotency key. */
    public static ApiRequest post(String path, String body, String idempotencyKey) {
        return new ApiRequest("POST", path, body, idempotencyKey);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
