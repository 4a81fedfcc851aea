package org.fabrique.agent.work;

import java.util.Optional;

import org.fabrique.agent.coordinator.CoordinatorProtocolException;
import org.fabrique.agent.coordinator.Lot;
import org.fabrique.agent.coordinator.LotState;
import org.fabrique.agent.journal.JournalEntry;
import org.fabrique.agent.journal.Phase;
import org.fabrique.agent.journal.PrinterWork;

/**
 * What a printer's work state becomes once a journaled call got its definitive answer. One function
 * for the live loop and for replaying the journal after a restart, so both end in the same state.
 */
final class WorkTransitions {

    private WorkTransitions() {
    }

    static Optional<PrinterWork> after(Optional<PrinterWork> current, JournalEntry call, Outcome outcome)
            throws CoordinatorProtocolException {
        if (outcome instanceof Outcome.Refused) {
            // a refused claim changes nothing; a refused lot call means the lot is no longer ours to work on
            return isAbout(current, call) ? Optional.empty() : current;
        }
        Outcome.Answered answer = (Outcome.Answered) outcome;
        switch (call.kind()) {
            case CLAIM -> {
                if (answer.response().status() == 204 || !answer.response().hasBody()) {
                    return current;
                }
                Lot lot = Lot.fromJson(answer.response().jsonObject());
                return Optional.of(new PrinterWork(call.printerId(), lot, Phase.CLAIMED));
            }
            case START -> {
                return advance(current, call, answer, Phase.PRINTING);
            }
            case REPORT -> {
                Optional<PrinterWork> reported = advance(current, call, answer, Phase.PRINTED);
                return reported.filter(work -> work.lot().state() != LotState.RELEASED);
            }
            case SHIP, RELEASE -> {
                return isAbout(current, call) ? Optional.empty() : current;
            }
            default -> throw new IllegalStateException("unknown call kind " + call.kind());
        }
    }

    private static Optional<PrinterWork> advance(Optional<PrinterWork> current, JournalEntry call, Outcome.Answered answer,
                                                 Phase phase) throws CoordinatorProtocolException {
        if (current.isPresent() && !isAbout(current, call)) {
            return current;
        }
        Lot lot = answer.response().hasBody() ? Lot.fromJson(answer.response().jsonObject())
                : current.map(PrinterWork::lot).orElseThrow(() ->
                        new CoordinatorProtocolException("the coordinator answered " + call.describe() + " without the lot"));
        return Optional.of(new PrinterWork(call.printerId(), lot, phase));
    }

    private static boolean isAbout(Optional<PrinterWork> current, JournalEntry call) {
        return current.isPresent() && call.lotId() != null && call.lotId().equals(current.get().lot().id());
    }
}
