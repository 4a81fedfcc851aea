package org.fabrique.agent.terminal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Writes each message as one line, prefixed with the local time: {@code 21:42:05 lot FAB-…: printing}. */
public final class ConsoleLog implements AgentLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final Clock clock;
    private final ZoneId zone;

    public ConsoleLog(PrintStream out, Clock clock, ZoneId zone) {
        this.out = out;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void info(String message) {
        print(message);
    }

    @Override
    public void warn(String message) {
        print("warning: " + message);
    }

    private synchronized void print(String message) {
        out.println(TIME.format(clock.instant().atZone(zone)) + " " + message);
        out.flush();
    }
}
