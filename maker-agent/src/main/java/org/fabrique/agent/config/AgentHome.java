package org.fabrique.agent.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.fabrique.agent.files.AtomicFiles;

/**
 * The agent's directory: {@code agent.properties} (coordinator, token, printers), {@code journal/} (the
 * durable outbox and per-printer work state), {@code cache/} (parts by SHA-256) and {@code labels/}.
 */
public record AgentHome(Path root) {

    public static final String ENVIRONMENT_VARIABLE = "FABRIQUE_AGENT_HOME";

    /** {@code --home} if given, else {@code $FABRIQUE_AGENT_HOME}, else {@code ~/.fabrique-agent}. */
    public static AgentHome resolve(Path option, Map<String, String> environment, String userHome) {
        if (option != null) {
            return new AgentHome(option.toAbsolutePath().normalize());
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new AgentHome(Path.of(fromEnvironment).toAbsolutePath().normalize());
        }
        return new AgentHome(Path.of(userHome, ".fabrique-agent").toAbsolutePath().normalize());
    }

    public Path configFile() {
        return root.resolve("agent.properties");
    }

    public Path journalDirectory() {
        return root.resolve("journal");
    }

    public Path cacheDirectory() {
        return root.resolve("cache");
    }

    public Path labelsDirectory() {
        return root.resolve("labels");
    }

    /** Creates the home and its sub-directories, readable by the owner only (the home holds a token). */
    public AgentHome create() throws IOException {
        AtomicFiles.createOwnerOnlyDirectory(root);
        AtomicFiles.createOwnerOnlyDirectory(journalDirectory());
        AtomicFiles.createOwnerOnlyDirectory(cacheDirectory());
        AtomicFiles.createOwnerOnlyDirectory(labelsDirectory());
        return this;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
