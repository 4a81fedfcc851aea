package org.fabrique.agent.fake;

import java.util.ArrayList;
import java.util.List;

import org.fabrique.agent.terminal.AgentLog;

/** Keeps the agent's messages for assertions (and echoes them, to read a failing test's story). */
public final class RecordingLog implements AgentLog {

    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void info(String message) {
        lines.add(message);
        System.out.println("  agent: " + message);
    }

    @Override
    public synchronized void warn(String message) {
        lines.add("warning: " + message);
        System.out.println("  agent: warning: " + message);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }
}
