package org.fabrique.agent.coordinator;

import java.net.URI;

import org.fabrique.agent.event.AgentEvent;

/** A call went through again after one or more failures. */
public record CoordinatorReachable(URI coordinator) implements AgentEvent {
}
