package org.fabrique.loadgen;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;

/**
 * Phase 3: every agent carries its lot through the whole cycle (start, report, ship by the maker;
 * receive, read the inspection plan and record the inspection, which decides the lot, by the
 * hospital), then claims the next one, until the phase ends; a lot held at the end is finished, so
 * every item ends approved or rejected. Each agent makes one request at a time, within the
 * client's in-flight limit: a closed load as heavy as the coordinator can answer.
 */
final class LotCycle {

    private static final int NOTED_FAILURES = 5;
    private static final int GIVE_UP_AFTER = 3;

    /** Lots and items through the whole cycle per second. */
    record Result(double lotsPerSecond, double approvedItemsPerSecond) {
    }

    /** A step of the cycle that did not answer 2xx. */
    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }

    private final Fleet fleet;
    private final Options options;
    private final Tally tally;
    private final Phase phase;
    private final long deadline;
    private final AtomicLong lots = new AtomicLong();
    private final AtomicLong approvedItems = new AtomicLong();
    private final AtomicLong rejectedItems = new AtomicLong();
    private final AtomicLong failedItems = new AtomicLong();
    private final AtomicLong agentsWithoutWork = new AtomicLong();
    private final AtomicLong agentsGivenUp = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();

    private LotCycle(Fleet fleet, Options options, Tally tally, Phase phase) {
        this.fleet = fleet;
        this.options = options;
        this.tally = tally;
        this.phase = phase;
        this.deadline = System.nanoTime() + options.cycleDuration().toNanos();
    }

    static Result run(Fleet fleet, Options options, Tally tally, ProcessProbe coordinator, PrintStream out) {
        Phase phase = new Phase("Phase 3: lot cycle: " + fleet.agents().size() + " agents claim, start, report and ship; "
                + "hospitals receive, read the inspection plan and inspect; for " + Options.show(options.cycleDuration()), coordinator);
        LotCycle cycle = new LotCycle(fleet, options, tally, phase);
        try (Progress progress = Progress.every30Seconds(out, () -> "lot cycle: " + cycle.lots.get() + " lots decided")) {
            Concurrently.forEach(fleet.agents(), agent -> cycle.work(agent, 0));
        }
        phase.finish();
        double seconds = phase.seconds();
        phase.note("%d lots through the whole cycle (%.1f/s); items approved %d (%.1f/s, %.0f a day at this rate; "
                        + "DESIGN.md: 50,000 a day), rejected %d, failed in print %d",
                cycle.lots.get(), cycle.lots.get() / seconds, cycle.approvedItems.get(), cycle.approvedItems.get() / seconds,
                cycle.approvedItems.get() / seconds * 86_400, cycle.rejectedItems.get(), cycle.failedItems.get());
        phase.note("agents that found no work: %d; agents that gave up after %d failed steps in a row: %d",
                cycle.agentsWithoutWork.get(), GIVE_UP_AFTER, cycle.agentsGivenUp.get());
        phase.print(out);
        return new Result(cycle.lots.get() / seconds, cycle.approvedItems.get() / seconds);
    }

    private CompletableFuture<Void> work(Agent agent, int failuresInARow) {
        if (failuresInARow >= GIVE_UP_AFTER) {
            agentsGivenUp.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
        Lot held = agent.lot();
        if (held != null) {
            return finish(agent, held, failuresInARow);
        }
        if (System.nanoTime() >= deadline) {
            return CompletableFuture.completedFuture(null);
        }
        return claim(agent).handle((lot, error) -> {
            if (error != null) {
                noteFailure(error);
                return work(agent, failuresInARow + 1);
            }
            if (lot == null) {
                agentsWithoutWork.incrementAndGet();
                return CompletableFuture.<Void>completedFuture(null);
            }
            return finish(agent, lot, failuresInARow);
        }).thenCompose(next -> next);
    }

    /** Carries the lot to a decision, then goes on with the next one. */
    private CompletableFuture<Void> finish(Agent agent, Lot lot, int failuresInARow) {
        return cycle(agent, lot).handle((done, error) -> {
            agent.hold(null);
            if (error == null) {
                return 0;
            }
            tally.abandoned();
            noteFailure(error);
            return failuresInARow + 1;
        }).thenCompose(inARow -> work(agent, inARow));
    }

    /** The lot granted, or null when no need fits the printer (204). */
    private CompletableFuture<Lot> claim(Agent agent) {
        return fleet.claim(phase.op("claim"), agent, options.itemsPerClaim(), agent.newKey("claim"))
                .thenApply(reply -> {
                    if (reply.status() == 204) {
                        return null;
                    }
                    Lot lot = Lot.of(expect(reply, "claim").object());
                    tally.claimed();
                    agent.hold(lot);
                    return lot;
                });
    }

    private CompletableFuture<Void> cycle(Agent agent, Lot lot) {
        int failed = lot.quantity() > 1 && agent.random.nextDouble() < options.failureRate() ? 1 : 0;
        int printed = lot.quantity() - failed;
        boolean defective = agent.random.nextDouble() < options.rejectRate();
        return maker(agent, lot, "start", null)
                .thenCompose(r -> maker(agent, lot, "report", Json.object().add("printed", printed).add("failed", failed)))
                .thenCompose(r -> maker(agent, lot, "ship", Json.object().add("carrier", "load test")))
                .thenCompose(r -> hospital(agent, lot, "receive", null))
                .thenCompose(r -> fleet.hospitalGet(phase.op("inspection plan"), lot, "inspection"))
                .thenApply(plan -> expect(plan, "inspection plan"))
                .thenCompose(plan -> hospital(agent, lot, "inspection", InspectionForm.filledIn(plan.object(), defective)))
                .thenAccept(inspected -> {
                    String decision = inspected.object().get("record").asObject().getString("decision", "");
                    if (!decision.equals(defective ? "REJECTED" : "APPROVED")) {
                        throw new StepFailed("BUG? the inspection of lot " + lot.lotNumber() + " decided " + decision
                                + " for sampled items that were all " + (defective ? "defective" : "good"));
                    }
                    lots.incrementAndGet();
                    failedItems.addAndGet(failed);
                    if (defective) {
                        rejectedItems.addAndGet(printed);
                        tally.rejected(lot, printed);
                    } else {
                        approvedItems.addAndGet(printed);
                        tally.approved(lot, printed);
                    }
                });
    }

    private CompletableFuture<Api.Reply> maker(Agent agent, Lot lot, String action, JsonObject body) {
        return fleet.makerAction(phase.op(action), agent, lot, action, body).thenApply(reply -> expect(reply, action));
    }

    private CompletableFuture<Api.Reply> hospital(Agent agent, Lot lot, String action, JsonObject body) {
        return fleet.hospitalAction(phase.op(action), agent, lot, action, body).thenApply(reply -> expect(reply, action));
    }

    private static Api.Reply expect(Api.Reply reply, String action) {
        if (!reply.ok()) {
            throw new StepFailed(action + " answered " + reply.describe() + ": " + ClaimBurst.abbreviate(reply.body()));
        }
        return reply;
    }

    private void noteFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!(cause instanceof StepFailed)) {
            throw new CompletionException(cause);
        }
        if (failures.incrementAndGet() <= NOTED_FAILURES) {
            phase.note("lot abandoned: %s", cause.getMessage());
        }
    }
}
