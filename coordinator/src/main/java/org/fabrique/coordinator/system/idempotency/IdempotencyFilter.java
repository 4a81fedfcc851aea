package org.fabrique.coordinator.system.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.fabrique.coordinator.system.problem.ProblemWriter;
import org.fabrique.coordinator.system.problem.Problems;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes state-changing requests with an {@code Idempotency-Key} header safe to retry: the first
 * answer is stored and replayed byte for byte (with {@code Idempotent-Replayed: true}), the same key
 * on a different request is refused, and the agent's calls must carry a key. Answers of 5xx are
 * not stored (the retry runs again), nor is 429.
 */
@Component
class IdempotencyFilter implements WebFilter, Ordered {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final int MAX_BODY = 1024 * 1024;
    private static final List<PathPattern> KEY_REQUIRED = List.of(
            PathPatternParser.defaultInstance.parse("/api/makers/me/claims"),
            PathPatternParser.defaultInstance.parse("/api/lots/{id}/{action:start|report|ship|release}"));

    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final Problems catalog;

    IdempotencyFilter(IdempotencyStore store, ProblemWriter problems, Problems catalog) {
        this.store = store;
        this.problems = problems;
        this.catalog = catalog;
    }

    @Override
    public int getOrder() {
        // After Spring Security's filter chain (-100), so the caller is known.
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        if (!(HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method)
                || HttpMethod.DELETE.equals(method))) {
            return chain.filter(exchange);
        }
        MediaType contentType = request.getHeaders().getContentType();
        if (contentType != null && MediaType.MULTIPART_FORM_DATA.includes(contentType)) {
            return chain.filter(exchange);
        }
        String key = request.getHeaders().getFirst(HEADER);
        if (key == null) {
            boolean required = KEY_REQUIRED.stream().anyMatch(p -> p.matches(request.getPath().pathWithinApplication()));
            return required ? problems.write(exchange, ProblemType.IDEMPOTENCY_KEY_MISSING,
                    "This call changes state: send an Idempotency-Key header (8-64 characters from A-Z a-z 0-9 . _ : -), "
                            + "and the same key again when you retry it", Map.of())
                    : chain.filter(exchange);
        }
        if (!VALID_KEY.matcher(key).matches()) {
            return problems.write(exchange, ProblemType.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be 8 to 64 characters from A-Z a-z 0-9 . _ : -", Map.of());
        }
        return exchange.getPrincipal()
                .map(principal -> principal instanceof Authentication auth && auth.getPrincipal() instanceof Actor actor
                        ? actor.ref() : "anonymous")
                .defaultIfEmpty("anonymous")
                .flatMap(caller -> DataBufferUtils.join(request.getBody(), MAX_BODY)
                        .map(buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            return bytes;
                        })
                        .defaultIfEmpty(new byte[0])
                        .flatMap(body -> handle(exchange, chain, caller + "|" + key, body)));
    }

    private Mono<Void> handle(ServerWebExchange exchange, WebFilterChain chain, String id, byte[] body) {
        String fingerprint = fingerprint(exchange.getRequest(), body);
        return store.reserve(id, fingerprint).flatMap(reservation -> {
            if (reservation instanceof IdempotencyStore.Replay replay) {
                return replay(exchange, replay.response());
            }
            if (reservation instanceof IdempotencyStore.Mismatch) {
                return problems.write(exchange, ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was already used for a different request; use a new key for a new request",
                        Map.of());
            }
            if (reservation instanceof IdempotencyStore.InProgress) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                return problems.write(exchange, ProblemType.REQUEST_IN_PROGRESS,
                        "The first request with this Idempotency-Key is still being processed; retry shortly", Map.of());
            }
            return runAndRemember(exchange, chain, id, body);
        });
    }

    private Mono<Void> runAndRemember(ServerWebExchange exchange, WebFilterChain chain, String id, byte[] body) {
        CapturingResponse response = new CapturingResponse(exchange.getResponse());
        ServerWebExchange decorated = exchange.mutate()
                .request(new ServerHttpRequestDecorator(exchange.getRequest()) {
                    @Override
                    public Flux<DataBuffer> getBody() {
                        return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
                    }
                })
                .response(response)
                .build();
        return chain.filter(decorated)
                .onErrorResume(error -> problems.write(decorated, catalog.toProblem(decorated, error)))
                .then(Mono.defer(() -> {
                    int status = response.getStatusCode() == null ? 200 : response.getStatusCode().value();
                    if (status >= 500 || status == HttpStatus.TOO_MANY_REQUESTS.value()) {
                        return store.release(id);
                    }
                    HttpHeaders headers = response.getHeaders();
                    return store.complete(id, status, headers.getContentType() == null ? null : headers.getContentType().toString(),
                            headers.getFirst(HttpHeaders.LOCATION), response.captured());
                }));
    }

    private static Mono<Void> replay(ServerWebExchange exchange, StoredResponse stored) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(stored.status()));
        response.getHeaders().set(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.getHeaders().set(HttpHeaders.CONTENT_TYPE, stored.contentType());
        }
        if (stored.location() != null) {
            response.getHeaders().set(HttpHeaders.LOCATION, stored.location());
        }
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        return body.length == 0 ? response.setComplete() : response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static String fingerprint(ServerHttpRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod().name() + " " + request.getURI().getRawPath() + "?"
                    + (request.getURI().getRawQuery() == null ? "" : request.getURI().getRawQuery()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes the response through and keeps a copy of its body. */
    private static final class CapturingResponse extends ServerHttpResponseDecorator {

        private byte[] captured = new byte[0];

        CapturingResponse(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                captured = bytes;
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
            });
        }

        byte[] captured() {
            return captured;
        }
    }
}
