package org.fabrique.coordinator.system.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client-visible error: its type from the catalog, a detail a person can act on, and optional
 * extension members (e.g. {@code from}/{@code to} for a refused transition).
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ApiException(ProblemType type, String detail, Map<String, ?> properties) {
        super(detail, null, false, false);
        this.type = type;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static ApiException notFound(ProblemType type, String what, String id) {
        return new ApiException(type, what + " " + id + " does not exist");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }
}
