package org.fabrique.agent.work;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.coordinator.ApiRequest;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.CoordinatorProtocolException;
import org.fabrique.agent.coordinator.Retrier;
import org.fabrique.agent.journal.CallKind;
import org.fabrique.agent.journal.Journal;
import org.fabrique.agent.journal.JournalEntry;
import org.fabrique.agent.journal.PrinterWork;
import org.fabrique.agent.journal.WorkStates;

/**
 * Makes state-changing calls durable: a call is journaled before its first attempt, retried with its
 * key until a definitive answer, the printer's work state is updated from that answer, and only then is
 * the call marked done. A crash at any point leaves either the call pending (it is sent again, same key)
 * or the work state already updated (the replayed answer updates it to the same thing).
 */
final class CallLedger {

    /** The definitive answer to a call and the printer's work state after it. */
    record Result(Outcome outcome, Optional<PrinterWork> work) {
    }

    private final Journal journal;
    private final WorkStates workStates;
    private final CoordinatorClient client;
    private final Retrier retrier;

    CallLedger(Journal journal, WorkStates workStates, CoordinatorClient client, Retrier retrier) {
        this.journal = journal;
        this.workStates = workStates;
        this.client = client;
        this.retrier = retrier;
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** Journals a new call (with a fresh key) and sends it. */
    Result call(CallKind kind, String printerId, String lotId, String lotNumber, ApiRequest request)
            throws IOException, InterruptedException, AgentException {
        return send(journal.append(kind, printerId, lotId, lotNumber, request));
    }

    /** Sends a journaled call until it gets a definitive answer, applies it, and marks the call done. */
    Result send(JournalEntry entry) throws IOException, InterruptedException, AgentException {
        Outcome outcome;
        try {
            outcome = new Outcome.Answered(retrier.call(() -> client.exchange(entry.request())));
        } catch (CoordinatorProblem problem) {
            outcome = new Outcome.Refused(problem);
        }
        Optional<PrinterWork> before = workStates.load(entry.printerId());
        Optional<PrinterWork> after;
        try {
            after = WorkTransitions.after(before, entry, outcome);
        } catch (CoordinatorProtocolException e) {
            journal.markDone(entry, "unreadable answer");
            throw e;
        }
        if (after.isPresent()) {
            workStates.save(after.get());
        } else if (before.isPresent()) {
            workStates.clear(entry.printerId());
        }
        journal.markDone(entry, outcome.summary());
        return new Result(outcome, after);
    }

    String backlog() {
        return journal.backlog();
    }
}
