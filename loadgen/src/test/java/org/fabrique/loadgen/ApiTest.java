package org.fabrique.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ApiTest {

    @Test
    void whatTheAgentProtocolSaysToRetryIsRetried() {
        assertThat(Api.retryable(new Api.Reply(0, null, null, "timeout"))).isTrue();
        assertThat(Api.retryable(problem(500, "/problems/internal-error"))).isTrue();
        assertThat(Api.retryable(problem(503, "/problems/unavailable"))).isTrue();
        assertThat(Api.retryable(problem(429, "/problems/too-many-requests"))).isTrue();
        assertThat(Api.retryable(problem(409, "/problems/request-in-progress"))).isTrue();
    }

    @Test
    void answersThatWillNotChangeAreNotRetried() {
        assertThat(Api.retryable(problem(409, "/problems/illegal-transition"))).isFalse();
        assertThat(Api.retryable(problem(422, "/problems/idempotency-key-reused"))).isFalse();
        assertThat(Api.retryable(new Api.Reply(201, json(), "{}", null))).isFalse();
    }

    @Test
    void theProblemTypeIsReadFromProblemDetailsOnly() {
        assertThat(problem(409, "/problems/lease-expired").describe()).isEqualTo("409 /problems/lease-expired");
        assertThat(new Api.Reply(409, json(), "{\"type\":\"/problems/x\"}", null).problemType()).isNull();
        assertThat(new Api.Reply(0, null, null, "connection refused").describe()).isEqualTo("connection refused");
    }

    private static Api.Reply problem(int status, String type) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("application/problem+json")), (k, v) -> true);
        return new Api.Reply(status, headers, "{\"type\":\"" + type + "\",\"status\":" + status + "}", null);
    }

    private static HttpHeaders json() {
        return HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (k, v) -> true);
    }
}
