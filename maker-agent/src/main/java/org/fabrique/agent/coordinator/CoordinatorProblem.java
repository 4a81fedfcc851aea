package org.fabrique.agent.coordinator;

import java.time.Duration;
import java.util.Optional;

import org.fabrique.agent.AgentException;

/**
 * An error answer from the coordinator, read from its RFC 9457 problem details. Code against
 * {@link #is(String)} with the stable type name ({@code "lease-expired"}), never against the detail text.
 */
public final class CoordinatorProblem extends AgentException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final transient Optional<Duration> retryAfter;

    public CoordinatorProblem(int status, String type, String title, String detail, Optional<Duration> retryAfter) {
        super(describe(status, type, title, detail));
        this.status = status;
        this.type = type == null || type.isBlank() ? "about:blank" : type;
        this.title = title;
        this.detail = detail;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The problem type as sent, e.g. {@code /problems/lease-expired}. */
    public String type() {
        return type;
    }

    /** The last segment of the type, e.g. {@code lease-expired}. */
    public String typeName() {
        int slash = type.lastIndexOf('/');
        return slash >= 0 ? type.substring(slash + 1) : type;
    }

    public boolean is(String typeName) {
        return typeName().equals(typeName);
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** 409 request-in-progress, 429 and 5xx: the same call may succeed later, with the same key. */
    public boolean isRetryable() {
        return status == 429 || status >= 500 || (status == 409 && is("request-in-progress"));
    }

    /** Any other 409: the lot moved on without this agent (expired, released, illegal transition). */
    public boolean meansLotMovedOn() {
        return status == 409 && !is("request-in-progress");
    }

    public boolean isAuthenticationFailure() {
        return status == 401 || status == 403;
    }

    private static String describe(int status, String type, String title, String detail) {
        StringBuilder text = new StringBuilder("coordinator answered ").append(status);
        if (type != null && !type.isBlank() && !"about:blank".equals(type)) {
            int slash = type.lastIndexOf('/');
            text.append(' ').append(slash >= 0 ? type.substring(slash + 1) : type);
        } else if (title != null && !title.isBlank()) {
            text.append(' ').append(title);
        }
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
