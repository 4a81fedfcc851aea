package org.fabrique.coordinator.need;

/**
 * OPEN needs take claims; FILLED ones had their whole quantity approved; CLOSED ones were closed
 * by the hospital; CANCELLED ones were called off. Lots already under way finish normally.
 */
public enum NeedStatus {
    OPEN, FILLED, CLOSED, CANCELLED;

    public boolean isFinal() {
        return this != OPEN;
    }
}
