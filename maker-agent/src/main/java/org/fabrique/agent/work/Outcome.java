package org.fabrique.agent.work;

import org.fabrique.agent.coordinator.ApiResponse;
import org.fabrique.agent.coordinator.CoordinatorProblem;

/** The definitive answer to a journaled call: a 2xx answer, or a problem that retrying will not change. */
public sealed interface Outcome {

    /** For the journal's "done" record: "201", "200 (replayed)", "409 lease-expired". */
    String summary();

    record Answered(ApiResponse response) implements Outcome {
        @Override
        public String summary() {
            return response.status() + (response.replayed() ? " (replayed)" : "");
        }
    }

    record Refused(CoordinatorProblem problem) implements Outcome {
        @Override
        public String summary() {
            return problem.status() + " " + problem.typeName();
        }
    }
}
