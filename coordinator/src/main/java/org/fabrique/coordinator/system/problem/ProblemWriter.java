package org.fabrique.coordinator.system.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details, for the exception handler and for filters that answer early. */
@Component
public class ProblemWriter {

    private final JsonMapper jsonMapper;

    public ProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public Mono<Void> write(ServerWebExchange exchange, ApiException problem) {
        return write(exchange, problem.type(), problem.getMessage(), problem.properties());
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail, Map<String, ?> properties) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = body(type, detail, exchange.getRequest().getPath().value(), properties);
        response.setStatusCode(type.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(jsonMapper.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    public static Map<String, Object> body(ProblemType type, String detail, String instance, Map<String, ?> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", type.status().value());
        body.put("detail", detail);
        body.put("instance", instance);
        properties.forEach(body::putIfAbsent);
        return body;
    }
}
