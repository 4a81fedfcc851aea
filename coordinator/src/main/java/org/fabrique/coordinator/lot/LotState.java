package org.fabrique.coordinator.lot;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a lot. {@link #allowedNext()} is the one place that says which transitions exist;
 * every change of state goes through {@link #check(LotState)}.
 *
 * <pre>
 * CLAIMED ──► PRINTING ──► PRINTED ──► SHIPPED ──► RECEIVED ──► APPROVED | REJECTED
 *    └──────────┴──► RELEASED (maker gives up) | EXPIRED (lease lapsed)
 * </pre>
 */
public enum LotState {
    CLAIMED, PRINTING, PRINTED, SHIPPED, RECEIVED, APPROVED, REJECTED, RELEASED, EXPIRED;

    public Set<LotState> allowedNext() {
        return switch (this) {
            case CLAIMED -> EnumSet.of(PRINTING, RELEASED, EXPIRED);
            case PRINTING -> EnumSet.of(PRINTED, RELEASED, EXPIRED);
            case PRINTED -> EnumSet.of(SHIPPED);
            case SHIPPED -> EnumSet.of(RECEIVED);
            case RECEIVED -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED, REJECTED, RELEASED, EXPIRED -> EnumSet.noneOf(LotState.class);
        };
    }

    public void check(LotState to) {
        if (!allowedNext().contains(to)) {
            throw new IllegalStateTransition(this, to);
        }
    }

    /** States in which the maker holds a lease that heartbeats must renew. */
    public boolean isLeased() {
        return this == CLAIMED || this == PRINTING;
    }

    public boolean isFinal() {
        return allowedNext().isEmpty();
    }

    /** Final states whose items went back to the need. */
    public boolean returnsItems() {
        return this == RELEASED || this == EXPIRED || this == REJECTED;
    }
}
