package org.fabrique.agent.coordinator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemException;
import java.time.Duration;
import java.util.function.Supplier;

import org.fabrique.agent.event.EventBus;
import org.fabrique.agent.time.Sleeper;

/**
 * Repeats an attempt until it gets a definitive answer: network failures, 429, 5xx and 409
 * request-in-progress are retried after a backoff (or the coordinator's Retry-After), for as long as
 * the agent runs; other problems are thrown at once. Callers pass an attempt that sends the SAME
 * request, hence the same idempotency key, every time.
 */
public final class Retrier {

    /** One try at a call. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws IOException, InterruptedException, CoordinatorProblem;
    }

    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(10);

    private final URI coordinator;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final EventBus events;
    private final Supplier<String> backlog;

    public Retrier(URI coordinator, Backoff backoff, Sleeper sleeper, EventBus events, Supplier<String> backlog) {
        this.coordinator = coordinator;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.events = events;
        this.backlog = backlog;
    }

    /**
     * Runs the attempt until it succeeds or gets a definitive problem. A local file error (writing a
     * download) is thrown as is: it is no network failure and retrying would not help.
     */
    public <T> T call(Attempt<T> attempt) throws CoordinatorProblem, InterruptedException, FileSystemException {
        int retries = 0;
        while (true) {
            String cause;
            Duration wait;
            try {
                T result = attempt.run();
                if (retries > 0) {
                    events.publish(new CoordinatorReachable(coordinator));
                }
                return result;
            } catch (FileSystemException local) {
                throw local;
            } catch (IOException failure) {
                cause = CoordinatorClient.describe(failure);
                wait = backoff.delay(retries);
            } catch (CoordinatorProblem problem) {
                if (!problem.isRetryable()) {
                    if (retries > 0) {
                        events.publish(new CoordinatorReachable(coordinator));
                    }
                    throw problem;
                }
                cause = "answered " + problem.status() + " " + problem.title();
                wait = problem.retryAfter().map(Retrier::bounded).orElseGet(backoffDelay(retries));
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            events.publish(new CoordinatorUnreachable(coordinator, cause, wait, backlog.get()));
            sleeper.sleep(wait);
            retries++;
        }
    }

    private Supplier<Duration> backoffDelay(int retries) {
        return () -> backoff.delay(retries);
    }

    private static Duration bounded(Duration retryAfter) {
        return retryAfter.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : retryAfter;
    }
}
