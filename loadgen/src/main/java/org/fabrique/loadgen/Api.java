package org.fabrique.loadgen;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;

/**
 * The coordinator's HTTP API as clients see it: JSON bodies, bearer tokens, idempotency keys and
 * RFC 9457 problems. At most {@code maxInFlight} requests are in flight; a request's latency is
 * timed from the moment it is sent, into a {@link Recorder}. A call with an idempotency key is
 * retried with the same key as the agent protocol says (no answer, 5xx, 429, 409
 * request-in-progress), with exponential backoff and jitter. A call never completes exceptionally:
 * a request without an HTTP answer gives a {@link Reply} with status 0.
 */
final class Api implements AutoCloseable {

    /** One request; build it with {@link #get}, {@link #post} or {@link #put}. A null timeout is the client's. */
    record Call(String method, String path, String token, String idempotencyKey, JsonValue body, Duration timeout) {

        static Call get(String path) {
            return new Call("GET", path, null, null, null, null);
        }

        static Call post(String path) {
            return new Call("POST", path, null, null, null, null);
        }

        static Call put(String path) {
            return new Call("PUT", path, null, null, null, null);
        }

        Call as(String bearerToken) {
            return new Call(method, path, bearerToken, idempotencyKey, body, timeout);
        }

        Call key(String key) {
            return new Call(method, path, token, key, body, timeout);
        }

        Call body(JsonValue json) {
            return new Call(method, path, token, idempotencyKey, json, timeout);
        }

        Call timeout(Duration limit) {
            return new Call(method, path, token, idempotencyKey, body, limit);
        }
    }

    /** An answer, or the reason there was none (status 0). */
    record Reply(int status, HttpHeaders headers, String body, String error) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonValue json() {
            return Json.parse(body);
        }

        JsonObject object() {
            return json().asObject();
        }

        boolean replayed() {
            return headers != null && headers.firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
        }

        /** The problem type of an RFC 9457 answer, else null. */
        String problemType() {
            if (headers == null || !headers.firstValue("Content-Type").orElse("").contains("problem+json")) {
                return null;
            }
            try {
                JsonValue type = object().get("type");
                return type != null && type.isString() ? type.asString() : null;
            } catch (ParseException | UnsupportedOperationException e) {
                return null;
            }
        }

        /** How a report names this outcome: the status and problem type, or the transport error. */
        String describe() {
            if (status == 0) {
                return error;
            }
            String type = problemType();
            return type == null ? Integer.toString(status) : status + " " + type;
        }
    }

    private static final int ATTEMPTS = 4;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long FIRST_BACKOFF_MILLIS = 1000;

    private final URI base;
    private final Duration timeout;
    private final InFlightLimit inFlight;
    private final ExecutorService executor;
    private final HttpClient client;

    Api(URI base, Duration timeout, int maxInFlight) {
        this.base = base;
        this.timeout = timeout;
        this.inFlight = new InFlightLimit(maxInFlight);
        // Callbacks only parse JSON and send the next request; they never block.
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "loadgen-http");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .executor(executor)
                .build();
    }

    /** Sends the request as soon as fewer than {@code maxInFlight} are in flight, retrying it when the protocol says so. */
    CompletableFuture<Reply> send(Recorder recorder, Call call) {
        return attempt(recorder, call, 1);
    }

    private CompletableFuture<Reply> attempt(Recorder recorder, Call call, int attempt) {
        return inFlight.acquire().thenCompose(slot -> sendNow(recorder, call)).thenCompose(reply -> {
            if (call.idempotencyKey() == null || attempt >= ATTEMPTS || !retryable(reply)) {
                return CompletableFuture.completedFuture(reply);
            }
            recorder.retried();
            long backoff = FIRST_BACKOFF_MILLIS << (attempt - 1);
            Executor later = CompletableFuture.delayedExecutor(
                    backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1), TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> attempt, later).thenCompose(n -> attempt(recorder, call, n + 1));
        });
    }

    /** What an agent retries with the same key: no answer, a server error, 429, a request still in progress. */
    static boolean retryable(Reply reply) {
        return reply.status() == 0 || reply.status() >= 500 || reply.status() == 429
                || (reply.status() == 409 && "/problems/request-in-progress".equals(reply.problemType()));
    }

    /** Sends the request if a slot is free; otherwise counts it as not sent and answers status 0. */
    CompletableFuture<Reply> sendIfFree(Recorder recorder, Call call) {
        if (!inFlight.tryAcquire()) {
            recorder.skipped();
            return CompletableFuture.completedFuture(new Reply(0, null, null, "not sent"));
        }
        return sendNow(recorder, call);
    }

    private CompletableFuture<Reply> sendNow(Recorder recorder, Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path()))
                .timeout(call.timeout() == null ? timeout : call.timeout())
                .header("Accept", "application/json");
        if (call.token() != null) {
            request.header("Authorization", "Bearer " + call.token());
        }
        if (call.idempotencyKey() != null) {
            request.header("Idempotency-Key", call.idempotencyKey());
        }
        if (call.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body().toString()));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        long start = System.nanoTime();
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    long nanos = System.nanoTime() - start;
                    Reply reply = response != null
                            ? new Reply(response.statusCode(), response.headers(), response.body(), null)
                            : new Reply(0, null, null, transportError(error));
                    inFlight.release();
                    if (reply.status() == 0) {
                        recorder.failed(reply.error());
                    } else {
                        recorder.answered(reply.status(), reply.problemType(), nanos);
                    }
                    return reply;
                });
    }

    private static String transportError(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return "no answer: " + cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
