package org.fabrique.loadgen;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase 1: every maker asks for work at the same moment, as after a call for help goes out. Then
 * a share of the claims is retried with the same idempotency key, as agents do after a lost
 * answer: each retry must give back the very same lot, marked as replayed.
 */
final class ClaimBurst {

    /** Claims settled per second over the burst (a claim retried after a timeout counts once). */
    record Result(double claimsPerSecond) {
    }

    private ClaimBurst() {
    }

    static Result run(Fleet fleet, Options options, Tally tally, ProcessProbe coordinator, PrintStream out) {
        List<Agent> agents = fleet.agents();
        Phase phase = new Phase("Phase 1: claim burst: " + agents.size() + " makers claim at once (at most "
                + options.concurrency() + " requests in flight)", coordinator);
        AtomicLong items = new AtomicLong();
        AtomicLong settled = new AtomicLong();
        try (Progress progress = Progress.every30Seconds(out, () -> "claim burst: " + settled.get() + " of " + agents.size()
                + " claims answered")) {
            Concurrently.forEach(agents, agent -> {
                String key = agent.newKey("claim");
                agent.claimedWith(key);
                return fleet.claim(phase.op("claim"), agent, options.itemsPerClaim(), key).thenAccept(reply -> {
                    settled.incrementAndGet();
                    if (reply.status() == 201) {
                        Lot lot = Lot.of(reply.object());
                        agent.hold(lot);
                        tally.claimed();
                        items.addAndGet(lot.quantity());
                    }
                });
            });
        }
        phase.finish();
        double claimsPerSecond = agents.size() / phase.seconds();
        long lots = agents.stream().filter(a -> a.lot() != null).count();
        phase.note("%d lots, %d items allocated; %.0f claims/s (DESIGN.md: 20,000 claims in a minute = 333/s)",
                lots, items.get(), claimsPerSecond);
        phase.print(out);
        replay(fleet, options, coordinator, out);
        return new Result(claimsPerSecond);
    }

    private static void replay(Fleet fleet, Options options, ProcessProbe coordinator, PrintStream out) {
        List<Agent> holders = fleet.agents().stream().filter(a -> a.lot() != null).toList();
        int count = (int) Math.round(holders.size() * options.replayFraction());
        if (count == 0) {
            return;
        }
        Phase phase = new Phase("Phase 1b: " + count + " granted claims retried with their idempotency key", coordinator);
        AtomicLong wrong = new AtomicLong();
        Concurrently.forEach(holders.subList(0, count), agent ->
                fleet.claim(phase.op("claim (retried)"), agent, options.itemsPerClaim(), agent.lastClaimKey())
                        .thenAccept(reply -> {
                            if (reply.status() != 201 || !reply.replayed()
                                    || !agent.lot().id().equals(reply.object().getString("id", null))) {
                                wrong.incrementAndGet();
                                phase.note("BUG? a retried claim (key %s) answered %s, replayed=%s, body %s; the first "
                                        + "answer was lot %s", agent.lastClaimKey(), reply.describe(), reply.replayed(),
                                        abbreviate(reply.body()), agent.lot().id());
                            }
                        }));
        phase.finish().note("%d gave back the first lot, %d did not", count - wrong.get(), wrong.get());
        phase.print(out);
    }

    static String abbreviate(String body) {
        return body == null ? "(none)" : body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
