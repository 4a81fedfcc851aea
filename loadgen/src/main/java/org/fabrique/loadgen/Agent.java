package org.fabrique.loadgen;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One maker's agent as the load generator plays it: its token, its printer and the lot it holds.
 * The load generator drives each agent through one chain of requests at a time.
 */
final class Agent {

    static final String PRINTER = "p1";

    private final String runId;
    private final int index;
    private final String makerId;
    private final String token;
    private final AtomicInteger calls = new AtomicInteger();
    /** Seeded per agent, so that a run's choices (failed items, rejections) can be reproduced. */
    final SplittableRandom random;
    private volatile Lot lot;
    private volatile String lastClaimKey;

    Agent(String runId, int index, String makerId, String token, long seed) {
        this.runId = runId;
        this.index = index;
        this.makerId = makerId;
        this.token = token;
        this.random = new SplittableRandom(seed + index);
    }

    int index() {
        return index;
    }

    String makerId() {
        return makerId;
    }

    String token() {
        return token;
    }

    /** A new idempotency key, unique across runs against the same store. */
    String newKey(String action) {
        return runId + "." + index + "." + calls.incrementAndGet() + "." + action;
    }

    Lot lot() {
        return lot;
    }

    void hold(Lot lot) {
        this.lot = lot;
    }

    String lastClaimKey() {
        return lastClaimKey;
    }

    void claimedWith(String key) {
        this.lastClaimKey = key;
    }
}
