package org.fabrique.agent.terminal;

/** One-line messages for the maker: what the agent is doing, and what went wrong, without stack traces. */
public interface AgentLog {

    void info(String message);

    void warn(String message);
}
