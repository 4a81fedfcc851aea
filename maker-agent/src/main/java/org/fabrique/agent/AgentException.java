package org.fabrique.agent;

/**
 * An expected failure whose message is meant for the maker: the command line prints it on one line,
 * without a stack trace, and exits with status 1.
 */
public class AgentException extends Exception {

    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
