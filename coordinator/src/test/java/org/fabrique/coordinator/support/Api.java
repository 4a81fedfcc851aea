package org.fabrique.coordinator.support;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.netty.channel.ChannelOption;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests, speaking to a coordinator the way agents and pages do: JSON,
 * bearer tokens, idempotency keys. Calls are blocking for readable tests, and thread-safe, so
 * concurrency tests can share one.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ConnectionProvider CONNECTIONS = ConnectionProvider.builder("test-api").maxConnections(500)
            .pendingAcquireMaxCount(-1).build();

    public record Response(int status, HttpHeaders headers, JsonNode body, String raw) {

        public String text(String field) {
            JsonNode node = body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public int number(String field) {
            return body.get(field).asInt();
        }

        public String problemType() {
            return text("type");
        }
    }

    public record Maker(String id, String token) {
    }

    public record Hospital(String id, String token) {
    }

    private final String baseUrl;
    private final WebClient client;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
        HttpClient http = HttpClient.create(CONNECTIONS).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .responseTimeout(Duration.ofSeconds(60));
        this.client = WebClient.builder().baseUrl(baseUrl).clientConnector(new ReactorClientHttpConnector(http))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path, String token) {
        return call(HttpMethod.GET, path, token, null, null, Map.of());
    }

    public Response post(String path, String token, Object body) {
        return call(HttpMethod.POST, path, token, body, newKey(), Map.of());
    }

    public Response post(String path, String token, Object body, String idempotencyKey) {
        return call(HttpMethod.POST, path, token, body, idempotencyKey, Map.of());
    }

    public Response put(String path, String token, Object body) {
        return call(HttpMethod.PUT, path, token, body, null, Map.of());
    }

    public Response raw(HttpMethod method, String path, String token, String contentType, String body,
            Map<String, String> headers) {
        WebClient.RequestBodySpec request = client.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        headers.forEach(request::header);
        if (contentType != null) {
            request.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        WebClient.RequestHeadersSpec<?> withBody = body == null ? request : request.bodyValue(body);
        return exchange(withBody);
    }

    public Response multipart(String path, String token, MultipartBodyBuilder form) {
        WebClient.RequestBodySpec request = client.post().uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return exchange(request.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build())));
    }

    public Response call(HttpMethod method, String path, String token, Object body, String idempotencyKey,
            Map<String, String> headers) {
        WebClient.RequestBodySpec request = client.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        headers.forEach(request::header);
        WebClient.RequestHeadersSpec<?> withBody = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body instanceof String s ? s : JSON.writeValueAsString(body));
        return exchange(withBody);
    }

    private static Response exchange(WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(raw -> new Response(response.statusCode().value(), response.headers().asHttpHeaders(),
                                raw.isBlank() ? JSON.createObjectNode() : parse(raw), raw)))
                .block(Duration.ofSeconds(90));
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    // ---- the steps of the flow ----------------------------------------------------------------

    public Maker registerMaker(String postcode) {
        Response r = post("/api/makers/register", null, Map.of("postcode", postcode, "country", "FR"));
        expect(r, 201);
        return new Maker(r.text("makerId"), r.text("token"));
    }

    public Hospital createHospital(String coordinatorToken, String name, String postcode) {
        Response r = post("/api/hospitals", coordinatorToken, Map.of("name", name, "postcode", postcode, "country", "FR"));
        expect(r, 201);
        return new Hospital(r.body().get("hospital").get("id").asString(), r.text("token"));
    }

    public void putPrinter(String makerToken, String printerId, List<String> materials, double bedSize) {
        Map<String, Object> printer = new LinkedHashMap<>();
        printer.put("model", "Test printer");
        printer.put("bed", Map.of("x", bedSize, "y", bedSize, "z", bedSize));
        printer.put("nozzle", 0.4);
        printer.put("materials", materials);
        printer.put("driver", "virtual");
        expect(put("/api/makers/me/printers/" + printerId, makerToken, printer), 200);
    }

    public String postNeed(String hospitalToken, String design, int quantity) {
        Map<String, Object> need = new LinkedHashMap<>();
        need.put("design", design);
        need.put("anyPublishedVersion", true);
        need.put("quantity", quantity);
        need.put("neededBy", LocalDate.now().plusDays(7).toString());
        need.put("priority", "HIGH");
        need.put("deliveryPoint", Map.of("name", "Pharmacie centrale", "postcode", "69003"));
        Response r = post("/api/needs", hospitalToken, need);
        expect(r, 201);
        return r.text("id");
    }

    public Response claim(String makerToken, String printerId, int maxItems, String key) {
        return post("/api/makers/me/claims", makerToken, Map.of("printerId", printerId, "maxItems", maxItems), key);
    }

    public Response lotAction(String token, String lotId, String action, Object body, String key) {
        return post("/api/lots/" + lotId + "/" + action, token, body, key);
    }

    /**
     * Inspects a received lot as its plan asks: every sampled item passes every check, or (to
     * reject) the first item fails the first check.
     */
    public Response inspect(String hospitalToken, String lot, boolean approve, String key) {
        JsonNode open = expect(get("/api/lots/" + lot + "/inspection", hospitalToken), 200).body();
        int sampleSize = open.get("plan").get("sampleSize").asInt();
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int i = 0; i < sampleSize; i++) {
            List<Map<String, Object>> results = new ArrayList<>();
            int c = 0;
            for (JsonNode check : open.get("checklist")) {
                boolean pass = approve || i > 0 || c > 0;
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("checkId", check.get("id").asString());
                result.put("pass", pass);
                JsonNode measure = check.get("measure");
                if (measure != null && !measure.isNull()) {
                    double nominal = measure.get("nominal").asDouble();
                    result.put("measured", pass ? nominal : nominal + 2 * measure.get("tolerance").asDouble() + 1);
                }
                results.add(result);
                c++;
            }
            samples.add(Map.of("results", results));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("samples", samples);
        if (!approve) {
            body.put("reason", "burrs on the visor pins");
        }
        return post("/api/lots/" + lot + "/inspection", hospitalToken, body, key);
    }

    public static Response expect(Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + response.status() + ": " + response.raw());
        }
        return response;
    }
}
