package org.fabrique.agent.work;

import java.time.Clock;
import java.time.Duration;

import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.Retrier;
import org.fabrique.agent.event.EventBus;
import org.fabrique.agent.journal.WorkStates;
import org.fabrique.agent.label.LabelFetcher;
import org.fabrique.agent.part.PartCache;
import org.fabrique.agent.part.PartInspector;
import org.fabrique.agent.terminal.AgentLog;
import org.fabrique.agent.time.Sleeper;

import java.nio.file.Path;

/**
 * The components every printer worker shares, wired once by the {@link AgentDaemon}.
 * {@code labelPrintCommand} is null when labels are only saved.
 */
record WorkContext(
        CallLedger calls,
        WorkStates workStates,
        CoordinatorClient client,
        Retrier retrier,
        PartCache parts,
        PartInspector inspector,
        LabelFetcher labels,
        Path labelsDirectory,
        String labelPrintCommand,
        EventBus events,
        AgentLog log,
        Sleeper sleeper,
        Clock clock,
        LotBudget budget,
        Duration pollInterval,
        FailureSink failures) {

    /** Where workers report what stops them. */
    interface FailureSink {
        /** This printer cannot go on; the others may. */
        void printerFailed(String printerId, String message);

        /** Nothing can go on (the token was rejected): the whole agent stops. */
        void agentFailed(String message);
    }
}
