package org.fabrique.agent.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;

/**
 * A clock that moves only when every participating thread is asleep on it: then it jumps to the
 * earliest wake-up time. Threads the agent starts through {@link #threads()} participate, and any
 * other thread while it sleeps on this clock. A thread blocked on anything else
 * (a network call) holds time still, so the agent sees the same order of events as in real time,
 * without any real waiting.
 */
public final class SimulatedTime extends Clock implements Sleeper {

    private static final class Waiter {
        final Instant deadline;
        boolean woken;

        Waiter(Instant deadline) {
            this.deadline = deadline;
        }
    }

    private final List<Waiter> waiters = new ArrayList<>();
    private final Set<Thread> participants = new HashSet<>();
    private Instant now;

    public SimulatedTime(Instant start) {
        this.now = start;
    }

    public static SimulatedTime startingAt(String instant) {
        return new SimulatedTime(Instant.parse(instant));
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("simulated time is UTC only");
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        synchronized (this) {
            Waiter me = new Waiter(now.plus(duration.isNegative() ? Duration.ZERO : duration));
            boolean temporary = participants.add(Thread.currentThread());
            waiters.add(me);
            try {
                advanceIfAllAsleep();
                while (!me.woken) {
                    wait();
                }
            } catch (InterruptedException e) {
                waiters.remove(me);
                throw e;
            } finally {
                if (temporary) {
                    participants.remove(Thread.currentThread());
                    advanceIfAllAsleep();
                }
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** Starts threads that take part in simulated time for as long as they run. */
    public ThreadFactory threads() {
        return task -> new Thread(() -> {
            join();
            try {
                task.run();
            } finally {
                leave();
            }
        });
    }

    private synchronized void join() {
        participants.add(Thread.currentThread());
    }

    private synchronized void leave() {
        participants.remove(Thread.currentThread());
        advanceIfAllAsleep();
    }

    private void advanceIfAllAsleep() {
        long asleep = waiters.stream().filter(waiter -> !waiter.woken).count();
        if (asleep == 0 || asleep < participants.size()) {
            return;
        }
        Instant earliest = waiters.stream().filter(waiter -> !waiter.woken).map(waiter -> waiter.deadline)
                .min(Instant::compareTo).orElseThrow();
        if (earliest.isAfter(now)) {
            now = earliest;
        }
        for (Waiter waiter : List.copyOf(waiters)) {
            if (!waiter.deadline.isAfter(now)) {
                waiter.woken = true;
                waiters.remove(waiter);
            }
        }
        notifyAll();
    }
}
