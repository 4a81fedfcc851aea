package org.fabrique.loadgen;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load generator's own account of the lots it moved, to compare with the coordinator's
 * ledger at the end: items approved and rejected per need, and lots not yet in a final state.
 */
final class Tally {

    private record Counts(LongAdder approved, LongAdder rejected) {
    }

    private final Map<String, Counts> byNeed = new ConcurrentHashMap<>();
    private final AtomicLong claimedLots = new AtomicLong();
    private final AtomicLong unfinishedLots = new AtomicLong();
    private final AtomicLong abandonedLots = new AtomicLong();

    void claimed() {
        claimedLots.incrementAndGet();
        unfinishedLots.incrementAndGet();
    }

    void approved(Lot lot, int items) {
        counts(lot.needId()).approved().add(items);
        unfinishedLots.decrementAndGet();
    }

    void rejected(Lot lot, int items) {
        counts(lot.needId()).rejected().add(items);
        unfinishedLots.decrementAndGet();
    }

    /** A request about the lot failed, so the load generator no longer knows where it stands. */
    void abandoned() {
        abandonedLots.incrementAndGet();
    }

    long approved(String needId) {
        Counts counts = byNeed.get(needId);
        return counts == null ? 0 : counts.approved().sum();
    }

    long rejected(String needId) {
        Counts counts = byNeed.get(needId);
        return counts == null ? 0 : counts.rejected().sum();
    }

    long claimedLots() {
        return claimedLots.get();
    }

    long unfinishedLots() {
        return unfinishedLots.get();
    }

    long abandonedLots() {
        return abandonedLots.get();
    }

    private Counts counts(String needId) {
        return byNeed.computeIfAbsent(needId, id -> new Counts(new LongAdder(), new LongAdder()));
    }
}
