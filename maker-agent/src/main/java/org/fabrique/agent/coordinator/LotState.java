package org.fabrique.agent.coordinator;

import java.util.Locale;

/** A lot's state as the coordinator reports it. */
public enum LotState {
    CLAIMED, PRINTING, PRINTED, SHIPPED, RECEIVED, APPROVED, REJECTED, RELEASED, EXPIRED,
    /** A state this agent version does not know; treated as "no longer ours to work on". */
    UNKNOWN;

    public static LotState parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** The agent may keep printing a lot only while it is CLAIMED or PRINTING. */
    public boolean isWorkable() {
        return this == CLAIMED || this == PRINTING;
    }

    /**
     * The lot was taken away from this maker (expired, released by a coordinator) or is in a state this
     * agent does not know. PRINTED and later states are not "taken away": they follow this agent's own
     * report, whose answer may have been lost on the way back.
     */
    public boolean isTakenAway() {
        return this == EXPIRED || this == RELEASED || this == UNKNOWN;
    }
}
