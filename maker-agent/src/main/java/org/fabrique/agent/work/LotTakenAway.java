package org.fabrique.agent.work;

import org.fabrique.agent.coordinator.LotState;
import org.fabrique.agent.event.AgentEvent;

/** The coordinator reports a lot this agent works on in a state that means it is no longer this agent's to print. */
public record LotTakenAway(String lotId, LotState state) implements AgentEvent {
}
