package org.fabrique.agent.work;

import org.fabrique.agent.coordinator.Lot;
import org.fabrique.agent.event.AgentEvent;
import org.fabrique.agent.printer.PrintStatus;

/** A worker's news: its activity, the lot it works on (null when idle) and, while printing, the print's status. */
public record PrinterStatusChanged(String printerId, PrinterActivity activity, Lot lot, PrintStatus print) implements AgentEvent {

    public double percent() {
        return print == null ? 0 : print.percent();
    }
}
