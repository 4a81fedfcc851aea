package org.fabrique.agent.work;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many lots the agent may still take: unlimited by default, at most one per printer with
 * {@code --once}, at most N in all with {@code --max-lots N}. A lot counts once taken, whether it was
 * then printed, refused or abandoned.
 */
final class LotBudget {

    private final boolean oncePerPrinter;
    private final AtomicInteger remaining;

    LotBudget(boolean oncePerPrinter, int maxLots) {
        this.oncePerPrinter = oncePerPrinter;
        this.remaining = new AtomicInteger(maxLots > 0 ? maxLots : Integer.MAX_VALUE);
    }

    boolean oncePerPrinter() {
        return oncePerPrinter;
    }

    /** Reserves one lot for a printer that has handled {@code handledByPrinter} lots so far. */
    boolean tryTake(int handledByPrinter) {
        if (oncePerPrinter && handledByPrinter >= 1) {
            return false;
        }
        while (true) {
            int left = remaining.get();
            if (left <= 0) {
                return false;
            }
            if (left == Integer.MAX_VALUE || remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    /** Returns a reservation that did not become a lot (the coordinator had no work). */
    void giveBack() {
        remaining.updateAndGet(left -> left == Integer.MAX_VALUE ? left : left + 1);
    }

    /** Counts a lot resumed after a restart, which is finished whatever the budget says. */
    void takeResumed() {
        remaining.updateAndGet(left -> left == Integer.MAX_VALUE ? left : Math.max(0, left - 1));
    }
}
