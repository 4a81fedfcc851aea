package org.fabrique.loadgen;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.eclipsesource.json.JsonValue;

/**
 * Phase 2: every agent sends its heartbeat on its own schedule (a random phase within the
 * interval), whether or not the previous ones were answered: an open load, as from real agents.
 * A heartbeat due while the client already has its maximum in flight is not sent, and counted.
 */
final class Heartbeats {

    /** The heartbeat rate asked for and the rate answered, with the 99th percentile latency. */
    record Result(double targetPerSecond, double answeredPerSecond, double p99Millis) {
    }

    private Heartbeats() {
    }

    static Result run(Fleet fleet, Options options, ProcessProbe coordinator, PrintStream out) {
        List<Agent> agents = fleet.agents();
        long interval = options.heartbeatInterval().toNanos();
        double target = agents.size() / (interval / 1e9);
        Phase phase = new Phase(String.format("Phase 2: heartbeats: %d agents, one every %s each (%.0f requests/s) "
                        + "for %s", agents.size(), Options.show(options.heartbeatInterval()), target,
                Options.show(options.heartbeatDuration())), coordinator);
        Recorder recorder = phase.op("heartbeat");
        AtomicLong leasesLost = new AtomicLong();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        SplittableRandom random = new SplittableRandom(options.seed());
        for (Agent agent : agents) {
            timer.scheduleAtFixedRate(() -> sent.add(fleet.heartbeat(recorder, agent).thenAccept(reply -> {
                if (reply.ok() && agent.lot() != null && !stillLeased(reply, agent.lot())) {
                    leasesLost.incrementAndGet();
                }
            })), random.nextLong(interval), interval, TimeUnit.NANOSECONDS);
        }
        sleep(options.heartbeatDuration().toMillis());
        timer.shutdownNow();
        awaitTermination(timer);
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        phase.finish();
        Recorder.Summary summary = recorder.summary();
        double answered = summary.succeeded() / phase.seconds();
        phase.note("asked %.0f/s, answered %.1f/s with 2xx (DESIGN.md: 20,000 agents every 30 s = 667/s, about 700/s)",
                target, answered);
        if (leasesLost.get() > 0) {
            phase.note("BUG? %d heartbeats did not report the agent's lot as CLAIMED or PRINTING with its lease extended",
                    leasesLost.get());
        }
        phase.print(out);
        return new Result(target, answered, summary.p99());
    }

    private static boolean stillLeased(Api.Reply reply, Lot lot) {
        return reply.object().get("lots").asArray().values().stream().map(JsonValue::asObject)
                .anyMatch(l -> lot.id().equals(l.getString("id", null))
                        && List.of("CLAIMED", "PRINTING").contains(l.getString("state", "")));
    }

    private static void awaitTermination(ScheduledExecutorService timer) {
        try {
            timer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
