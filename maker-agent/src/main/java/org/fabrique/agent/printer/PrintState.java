package org.fabrique.agent.printer;

/** A print job's state as a driver reports it. */
public enum PrintState {
    IDLE, PRINTING, FINISHED, CANCELLED, ERROR;

    public boolean isOver() {
        return this == FINISHED || this == CANCELLED || this == ERROR;
    }
}
