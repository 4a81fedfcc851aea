package org.fabrique.agent.event;

/** Something that happened inside the agent, published on the {@link EventBus} for the components that care. */
public interface AgentEvent {
}
