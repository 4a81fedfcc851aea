package org.fabrique.coordinator.lot;

import java.util.Map;

import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;

/** A transition the lot state machine does not allow: a 409 with {@code from} and {@code to}. */
public class IllegalStateTransition extends ApiException {

    private final LotState from;
    private final LotState to;

    public IllegalStateTransition(LotState from, LotState to) {
        this(null, from, to);
    }

    public IllegalStateTransition(String lotNumber, LotState from, LotState to) {
        super(ProblemType.ILLEGAL_TRANSITION, (lotNumber == null ? "A lot" : "Lot " + lotNumber)
                + " cannot go from " + from + " to " + to + allowed(from),
                Map.of("from", from.name(), "to", to.name()));
        this.from = from;
        this.to = to;
    }

    private static String allowed(LotState from) {
        return from.isFinal() ? " (" + from + " is final)" : " (allowed next: " + from.allowedNext() + ")";
    }

    public LotState from() {
        return from;
    }

    public LotState to() {
        return to;
    }
}
