package org.fabrique.agent.work;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;

import org.fabrique.agent.coordinator.ApiResponse;
import org.fabrique.agent.coordinator.Calls;
import org.fabrique.agent.coordinator.CoordinatorClient;
import org.fabrique.agent.coordinator.CoordinatorProblem;
import org.fabrique.agent.coordinator.CoordinatorProtocolException;
import org.fabrique.agent.coordinator.CoordinatorReachable;
import org.fabrique.agent.coordinator.CoordinatorUnreachable;
import org.fabrique.agent.coordinator.Json;
import org.fabrique.agent.coordinator.LotState;
import org.fabrique.agent.event.EventBus;
import org.fabrique.agent.terminal.AgentLog;
import org.fabrique.agent.time.Sleeper;

/**
 * Sends {@code POST /api/makers/me/heartbeat} every {@code heartbeatSeconds} with every lot whose lease
 * must be kept (and its percent) and every printer's status. A lot the coordinator reports as taken away
 * (EXPIRED, RELEASED) is announced with {@link LotTakenAway} so its worker cancels the print. A failed
 * heartbeat is not retried: the next one comes soon enough.
 */
final class Heartbeat implements AutoCloseable {

    private static final Duration SHORTEST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofHours(1);

    private final CoordinatorClient client;
    private final EventBus events;
    private final AgentLog log;
    private final Sleeper sleeper;
    private final ThreadFactory threads;
    private final Supplier<String> backlog;
    private final Map<String, PrinterStatusChanged> printers = new ConcurrentHashMap<>();
    private volatile Duration interval;
    private volatile boolean failing;
    private Thread thread;

    Heartbeat(CoordinatorClient client, EventBus events, AgentLog log, Sleeper sleeper, ThreadFactory threads,
              Duration interval, Supplier<String> backlog) {
        this.client = client;
        this.events = events;
        this.log = log;
        this.sleeper = sleeper;
        this.threads = threads;
        this.interval = interval;
        this.backlog = backlog;
        events.subscribe(PrinterStatusChanged.class, status -> printers.put(status.printerId(), status));
    }

    void start() {
        thread = threads.newThread(this::beatUntilClosed);
        thread.setName("heartbeat");
        thread.setDaemon(true);
        thread.start();
    }

    private void beatUntilClosed() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                beat();
                sleeper.sleep(interval);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    Duration interval() {
        return interval;
    }

    /** Sends one heartbeat now and acts on its answer. */
    void beat() throws InterruptedException {
        List<Calls.HeartbeatLot> lots = new ArrayList<>();
        List<Calls.HeartbeatPrinter> statuses = new ArrayList<>();
        for (PrinterStatusChanged status : printers.values()) {
            statuses.add(new Calls.HeartbeatPrinter(status.printerId(), status.activity().name()));
            if (status.lot() != null && status.activity().holdsLease()) {
                lots.add(new Calls.HeartbeatLot(status.lot().id(), status.percent()));
            }
        }
        try {
            ApiResponse response = client.exchange(Calls.heartbeat(lots, statuses));
            if (failing) {
                failing = false;
                events.publish(new CoordinatorReachable(client.base()));
            }
            handle(response.jsonObject());
        } catch (IOException failure) {
            failing = true;
            events.publish(new CoordinatorUnreachable(client.base(), CoordinatorClient.describe(failure), interval, backlog.get()));
        } catch (CoordinatorProblem problem) {
            if (problem.isRetryable()) {
                failing = true;
                events.publish(new CoordinatorUnreachable(client.base(), "answered " + problem.status() + " " + problem.title(),
                        interval, backlog.get()));
            } else {
                log.warn("heartbeat refused: " + problem.getMessage());
            }
        } catch (CoordinatorProtocolException e) {
            log.warn("heartbeat answer not understood: " + e.getMessage());
        }
    }

    private void handle(JsonObject answer) {
        int seconds = Json.integer(answer, "heartbeatSeconds", (int) interval.toSeconds());
        Duration requested = Duration.ofSeconds(seconds);
        if (requested.compareTo(SHORTEST) >= 0 && requested.compareTo(LONGEST) <= 0) {
            interval = requested;
        }
        JsonValue lots = answer.get("lots");
        if (lots == null || !lots.isArray()) {
            return;
        }
        for (JsonValue lot : lots.asArray()) {
            if (!lot.isObject()) {
                continue;
            }
            String id = Json.string(lot.asObject(), "id");
            LotState state = LotState.parse(Json.string(lot.asObject(), "state"));
            if (id != null && !state.isWorkable()) {
                events.publish(new LotTakenAway(id, state));
            }
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
