package org.fabrique.agent.time;

import java.time.Duration;

/**
 * Waits for a span of the agent's clock. The agent never calls {@code Thread.sleep} directly, so that
 * tests can move a simulated clock instead of waiting. Waiting ends early, with an
 * {@link InterruptedException}, when the agent stops.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps for real, on the system's clock. */
    static Sleeper system() {
        return duration -> {
            if (duration.isNegative() || duration.isZero()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                return;
            }
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        };
    }
}
