package org.fabrique.agent.config;

import java.net.URI;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** What {@code agent.properties} holds: the coordinator, this maker's identity and token, the printers. */
public record AgentConfig(
        URI coordinator,
        String token,
        String makerId,
        String pseudonym,
        int heartbeatSeconds,
        SortedMap<String, PrinterSettings> printers) {

    public static final int DEFAULT_HEARTBEAT_SECONDS = 30;

    public AgentConfig {
        printers = Collections.unmodifiableSortedMap(new TreeMap<>(printers));
    }

    public static AgentConfig empty() {
        return new AgentConfig(null, null, null, null, DEFAULT_HEARTBEAT_SECONDS, new TreeMap<>());
    }

    public boolean hasCoordinator() {
        return coordinator != null;
    }

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }

    public Optional<PrinterSettings> printer(String id) {
        return Optional.ofNullable(printers.get(id));
    }

    public Collection<PrinterSettings> printerList() {
        return printers.values();
    }

    public AgentConfig withIdentity(URI newCoordinator, String newToken, String newMakerId, String newPseudonym) {
        return new AgentConfig(newCoordinator, newToken, newMakerId, newPseudonym, heartbeatSeconds, printers);
    }

    public AgentConfig withPrinter(PrinterSettings printer) {
        TreeMap<String, PrinterSettings> updated = new TreeMap<>(printers);
        updated.put(printer.id(), printer);
        return new AgentConfig(coordinator, token, makerId, pseudonym, heartbeatSeconds, updated);
    }

    public AgentConfig withoutPrinter(String id) {
        TreeMap<String, PrinterSettings> updated = new TreeMap<>(printers);
        updated.remove(id);
        return new AgentConfig(coordinator, token, makerId, pseudonym, heartbeatSeconds, updated);
    }

    /** For commands that talk to the coordinator: a clear message when {@code register} or {@code login} was never run. */
    public AgentConfig requireLogin(AgentHome home) throws ConfigException {
        if (!hasCoordinator() || !hasToken()) {
            throw new ConfigException("no coordinator and token in " + home.configFile()
                    + "; run 'fabrique-agent register' or 'fabrique-agent login' first");
        }
        return this;
    }
}
