package org.fabrique.agent.terminal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.fabrique.agent.coordinator.CoordinatorReachable;
import org.fabrique.agent.coordinator.CoordinatorUnreachable;
import org.fabrique.agent.event.EventBus;
import org.fabrique.agent.time.Durations;

/**
 * Turns failed attempts into ONE readable line each ("coordinator http://… unreachable (connection
 * refused); retrying in 8 s, 1 report waiting"), at most one line per cause every few seconds when
 * several printers retry at once, and says when the coordinator answers again.
 */
public final class ConnectivityReporter {

    private static final Duration QUIET_PERIOD = Duration.ofSeconds(5);

    private final AgentLog log;
    private final Clock clock;
    private boolean unreachable;
    private String lastCause;
    private Instant lastReport = Instant.MIN;

    public ConnectivityReporter(AgentLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void subscribeTo(EventBus events) {
        events.subscribe(CoordinatorUnreachable.class, this::onUnreachable);
        events.subscribe(CoordinatorReachable.class, this::onReachable);
    }

    private synchronized void onUnreachable(CoordinatorUnreachable event) {
        Instant now = clock.instant();
        if (event.cause().equals(lastCause) && now.isBefore(lastReport.plus(QUIET_PERIOD))) {
            return;
        }
        unreachable = true;
        lastCause = event.cause();
        lastReport = now;
        log.warn(line(event));
    }

    private synchronized void onReachable(CoordinatorReachable event) {
        if (unreachable) {
            unreachable = false;
            lastCause = null;
            log.info("coordinator " + event.coordinator() + " answers again");
        }
    }

    public static String line(CoordinatorUnreachable event) {
        String what = event.cause().startsWith("answered ")
                ? "coordinator " + event.coordinator() + " " + event.cause()
                : "coordinator " + event.coordinator() + " unreachable (" + event.cause() + ")";
        return what + "; retrying in " + Durations.human(event.retryIn()) + ", " + event.backlog();
    }
}
