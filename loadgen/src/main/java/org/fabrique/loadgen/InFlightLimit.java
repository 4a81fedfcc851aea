package org.fabrique.loadgen;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * At most a given number of requests in flight, like a client with that many connections: a
 * request waits (without a thread) for a free slot, first come, first served.
 */
final class InFlightLimit {

    private final Queue<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int free;

    InFlightLimit(int slots) {
        this.free = slots;
    }

    /** Completes once the caller holds a slot. */
    synchronized CompletableFuture<Void> acquire() {
        if (free > 0) {
            free--;
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> turn = new CompletableFuture<>();
        waiting.add(turn);
        return turn;
    }

    /** A slot now, or false when none is free. */
    synchronized boolean tryAcquire() {
        if (free > 0) {
            free--;
            return true;
        }
        return false;
    }

    void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                free++;
                return;
            }
        }
        next.complete(null);
    }
}
