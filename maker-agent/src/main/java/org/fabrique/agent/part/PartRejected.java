package org.fabrique.agent.part;

import org.fabrique.agent.AgentException;

/** A part the agent refuses to print (wrong checksum, not an STL, not downloadable); the message is the release reason. */
public final class PartRejected extends AgentException {

    public PartRejected(String message) {
        super(message);
    }
}
