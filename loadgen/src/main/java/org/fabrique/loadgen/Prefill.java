package org.fabrique.loadgen;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.eclipsesource.json.Json;

/**
 * Grows the store before the phases: each lot is claimed (one item) and released, the cheapest
 * complete life of a lot through the API, so the lots, events and idempotency collections grow as
 * they do in real use. After each step it times two reads whose cost grows with the store on a
 * backend without secondary indexes, so the growth can be watched; at the end it measures what
 * the coordinator spends while idle.
 */
final class Prefill {

    private static final String LATEST_LOTS = "/api/lots?limit=100";
    private static final String ACTIVE_LOTS = "/api/makers/me/lots?active=true";
    /** Two passes of the lease reaper at its default interval (15 s). */
    private static final Duration IDLE = Duration.ofSeconds(30);

    private Prefill() {
    }

    /** Returns the number of lots created. */
    static long run(Fleet fleet, Options options, ProcessProbe coordinator, PrintStream out) {
        List<Agent> agents = fleet.agents();
        int total = options.prefillLots();
        idle(coordinator, "before the prefill", out);
        out.println();
        out.printf(Locale.ROOT, "== Prefill: %d lots (claim 1 item, then release), %d steps, at most %d requests in flight ==%n",
                total, options.prefillSteps(), options.concurrency());
        out.printf(Locale.ROOT, "%9s %8s %9s %9s %9s %9s %7s %6s %7s %8s | %s, %s (ms)%n", "lots", "lots/s", "claim p50",
                "p99", "release", "p99", "other", "cores", "CPU/lot", "RSS", "GET " + LATEST_LOTS + " (coordinator)",
                "GET " + ACTIVE_LOTS);
        int done = 0;
        long created = 0;
        for (int step = 1; step <= options.prefillSteps(); step++) {
            int until = (int) ((long) total * step / options.prefillSteps());
            Phase phase = new Phase("prefill step " + step, coordinator);
            Concurrently.forEach(IntStream.range(done, until).boxed().toList(), i -> {
                Agent agent = agents.get(i % agents.size());
                return fleet.claim(phase.op("claim"), agent, 1, agent.newKey("claim")).thenCompose(reply -> reply.status() != 201
                        ? CompletableFuture.completedFuture(null)
                        : fleet.makerAction(phase.op("release"), agent, Lot.of(reply.object()), "release",
                                Json.object().add("reason", "load test prefill")));
            });
            phase.finish();
            Recorder.Summary claim = phase.summary("claim");
            Recorder.Summary release = phase.summary("release");
            Recorder probes = new Recorder("probes");
            double latest = probe(fleet, probes, LATEST_LOTS, fleet.coordinatorToken());
            double active = probe(fleet, probes, ACTIVE_LOTS, agents.get(0).token());
            out.printf(Locale.ROOT, "%9d %8.1f %9s %9s %9s %9s %7d %6.2f %7s %8s | %s, %s%n", until,
                    release.succeeded() / phase.seconds(), Format.ms(claim.p50()), Format.ms(claim.p99()),
                    Format.ms(release.p50()), Format.ms(release.p99()), claim.failed() + release.failed(),
                    phase.coordinatorCores(), Format.ms(phase.coordinatorCores() * phase.seconds() * 1000 / release.succeeded()),
                    phase.coordinatorRss(), Format.ms(latest), Format.ms(active));
            if (claim.failed() + release.failed() > 0) {
                out.println("          claim: " + claim.outcomes() + "; release: " + release.outcomes());
            }
            done = until;
            created += claim.succeeded();
        }
        idle(coordinator, "after the prefill (" + created + " more lots in the store)", out);
        return created;
    }

    /** What the coordinator spends when nobody calls it: the lease reaper's and the event feed's scans. */
    private static void idle(ProcessProbe coordinator, String when, PrintStream out) {
        Phase phase = new Phase("Idle for " + Options.show(IDLE) + " " + when + ": background work only", coordinator);
        Heartbeats.sleep(IDLE.toMillis());
        phase.finish().print(out);
    }

    private static double probe(Fleet fleet, Recorder recorder, String path, String token) {
        long start = System.nanoTime();
        Api.Reply reply = fleet.get(recorder, path, token).join();
        double millis = (System.nanoTime() - start) / 1e6;
        return reply.ok() ? millis : Double.NaN;
    }
}
