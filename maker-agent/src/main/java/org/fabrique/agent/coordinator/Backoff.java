package org.fabrique.agent.coordinator;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter: before retry n (from 0) wait a uniformly random time between
 * zero and {@code min(cap, base × 2^n)}, so that thousands of agents coming back after an outage do not
 * all knock at once.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final Random random;

    public Backoff(Duration base, Duration cap, Random random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    public static Backoff standard(Random random) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random);
    }

    public Duration delay(int retry) {
        long ceiling = ceilingMillis(retry);
        long millis;
        synchronized (random) {
            millis = (long) (random.nextDouble() * ceiling);
        }
        return Duration.ofMillis(Math.max(millis, 100));
    }

    long ceilingMillis(int retry) {
        long exponential = base.toMillis() << Math.min(retry, 30);
        return Math.min(cap.toMillis(), exponential <= 0 ? cap.toMillis() : exponential);
    }

    public Duration cap() {
        return cap;
    }
}
