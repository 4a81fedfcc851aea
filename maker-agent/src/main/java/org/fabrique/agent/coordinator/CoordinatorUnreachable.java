package org.fabrique.agent.coordinator;

import java.net.URI;
import java.time.Duration;

import org.fabrique.agent.event.AgentEvent;

/** A call did not get through (network failure, 429, 5xx); it will be tried again in {@code retryIn}. */
public record CoordinatorUnreachable(URI coordinator, String cause, Duration retryIn, String backlog) implements AgentEvent {
}
