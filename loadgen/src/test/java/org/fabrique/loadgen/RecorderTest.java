package org.fabrique.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RecorderTest {

    @Test
    void outcomesAreCountedByStatusAndProblemTypeAndOnly2xxSucceeds() {
        Recorder recorder = new Recorder("start");
        recorder.answered(200, null, 1_000_000);
        recorder.answered(200, null, 3_000_000);
        recorder.answered(409, "/problems/illegal-transition", 2_000_000);
        recorder.failed("timeout");
        recorder.retried();
        recorder.skipped();

        Recorder.Summary summary = recorder.summary();

        assertThat(summary.sent()).isEqualTo(4);
        assertThat(summary.retried()).isEqualTo(1);
        assertThat(summary.succeeded()).isEqualTo(2);
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(summary.skipped()).isEqualTo(1);
        assertThat(summary.outcomes()).isEqualTo(Map.of("200", 2L, "409 /problems/illegal-transition", 1L, "timeout", 1L));
    }

    @Test
    void latenciesAreThoseOfAnsweredRequestsInMilliseconds() {
        Recorder recorder = new Recorder("claim");
        for (int i = 1; i <= 1000; i++) {
            recorder.answered(201, null, i * 1_000_000L);
        }
        recorder.failed("timeout");

        Recorder.Summary summary = recorder.summary();

        assertThat(summary.p50()).isEqualTo(500.0);
        assertThat(summary.p90()).isEqualTo(900.0);
        assertThat(summary.p99()).isEqualTo(990.0);
        assertThat(summary.max()).isEqualTo(1000.0);
    }

    @Test
    void withoutAnswersThereAreNoLatencies() {
        Recorder recorder = new Recorder("heartbeat");
        recorder.failed("connection refused");

        assertThat(recorder.summary().p50()).isNaN();
    }
}
