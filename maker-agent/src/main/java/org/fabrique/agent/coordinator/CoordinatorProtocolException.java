package org.fabrique.agent.coordinator;

import org.fabrique.agent.AgentException;

/** The coordinator answered something the protocol does not allow (not JSON, a missing field). */
public final class CoordinatorProtocolException extends AgentException {

    public CoordinatorProtocolException(String message) {
        super(message);
    }
}
