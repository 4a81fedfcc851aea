package org.fabrique.agent.printer;

import org.fabrique.agent.AgentException;

/** The printer could not do what was asked (not reachable, rejected the file, unsupported driver). */
public final class PrinterException extends AgentException {

    public PrinterException(String message) {
        super(message);
    }
}
