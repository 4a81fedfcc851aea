package org.fabrique.agent.config;

import org.fabrique.agent.AgentException;

/** The configuration file or a value given for it is not valid; the message says which and why. */
public final class ConfigException extends AgentException {

    public ConfigException(String message) {
        super(message);
    }
}
