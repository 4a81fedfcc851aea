package org.fabrique.agent.coordinator;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import com.eclipsesource.json.JsonObject;
import com.eclipsesource.json.JsonValue;
import com.eclipsesource.json.ParseException;

import org.fabrique.agent.AgentException;
import org.fabrique.agent.Version;

/**
 * One attempt at one call to the coordinator over the JDK's HttpClient: bearer token, JSON, timeouts,
 * problem details turned into {@link CoordinatorProblem}. Retrying is the {@link Retrier}'s job.
 */
public final class CoordinatorClient implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);

    private final URI base;
    private final String token;
    private final Clock clock;
    private final HttpClient http;

    public CoordinatorClient(URI base, String token, Clock clock) {
        this.base = base;
        this.token = token;
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL);
        if ("http".equalsIgnoreCase(base.getScheme())) {
            builder.followRedirects(HttpClient.Redirect.NEVER);
            withoutDefaultTls(builder);
        }
        this.http = builder.build();
    }

    /**
     * The default HttpClient builds the JDK's default TLS context (loading and parsing the CA store),
     * about 0.2 s of a Raspberry Pi's start-up and a few MB, even when every call is plain HTTP (a
     * coordinator on the local network, the demo). For an http:// coordinator an uninitialised TLS
     * context is enough: it is never used, since redirects are not followed (a redirect answer says where to go instead).
     */
    private static void withoutDefaultTls(HttpClient.Builder builder) {
        try {
            builder.sslContext(SSLContext.getInstance("TLS")).sslParameters(new SSLParameters());
        } catch (NoSuchAlgorithmException e) {
            // every Java runtime has TLS; keep the default context
        }
    }

    public URI base() {
        return base;
    }

    /** Sends the request once. A 2xx answer is returned; any other status is thrown as a problem. */
    public ApiResponse exchange(ApiRequest request) throws IOException, InterruptedException, CoordinatorProblem {
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        HttpRequest.Builder builder = newRequest(request.path(), REQUEST_TIMEOUT)
                .method(request.method(), body)
                .header("Accept", "application/json, application/problem+json");
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        if (request.idempotencyKey() != null) {
            builder.header("Idempotency-Key", request.idempotencyKey());
        }
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return new ApiResponse(response.statusCode(), response.body(), retryAfter(response),
                    response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase).orElse(false));
        }
        throw problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                retryAfter(response), response.headers().firstValue("Location").orElse(null));
    }

    /** Downloads a file (a part, a label) to {@code target}, replacing it only once the download is complete. */
    public void download(String path, Path target) throws IOException, InterruptedException, CoordinatorProblem {
        HttpRequest request = newRequest(path, DOWNLOAD_TIMEOUT).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        in.readNBytes(64 * 1024), retryAfter(response), response.headers().firstValue("Location").orElse(null));
            }
            Path directory = target.toAbsolutePath().getParent();
            Path partial = Files.createTempFile(directory, "." + target.getFileName(), ".part");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    private HttpRequest.Builder newRequest(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path))
                .timeout(timeout)
                .header("User-Agent", "fabrique-agent/" + Version.current());
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    URI resolve(String path) {
        String prefix = base.toString().replaceAll("/+$", "");
        return URI.create(prefix + (path.startsWith("/") ? path : "/" + path));
    }

    private CoordinatorProblem problem(int status, String contentType, byte[] body, Optional<Duration> retryAfter, String location) {
        String type = null;
        String title = null;
        String detail = status >= 300 && status < 400 && location != null
                ? "redirected to " + location + "; configure the coordinator URL it points to" : null;
        if (contentType.toLowerCase(Locale.ROOT).contains("json") && body.length > 0) {
            try {
                JsonValue value = com.eclipsesource.json.Json.parse(new String(body, StandardCharsets.UTF_8));
                if (value.isObject()) {
                    JsonObject object = value.asObject();
                    type = Json.string(object, "type");
                    title = Json.string(object, "title");
                    detail = Json.string(object, "detail");
                }
            } catch (ParseException e) {
                detail = "(unreadable problem details)";
            }
        }
        if (title == null) {
            title = reasonPhrase(status);
        }
        return new CoordinatorProblem(status, type, title, detail, retryAfter);
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(this::parseRetryAfter);
    }

    Optional<Duration> parseRetryAfter(String value) {
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** A few words on why a call did not get through, for a one-line message: "connection refused", "timed out". */
    public static String describe(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer in time";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof SSLException) {
                return "TLS failure: " + cause.getMessage();
            }
            if (cause instanceof EOFException) {
                return "connection closed before the answer";
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("reset")) {
                return "connection reset";
            }
            if (message.contains("closed") || message.contains("no bytes")) {
                return "connection closed before the answer";
            }
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** For one-shot commands: a transport failure as a message a person can act on. */
    public AgentException unreachable(IOException failure) {
        return new AgentException("coordinator " + base + " unreachable (" + describe(failure) + ")");
    }

    static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }

    @Override
    public void close() {
        // HttpClient releases its selector thread when it becomes unreachable (JDK 17 has no close()).
    }
}
