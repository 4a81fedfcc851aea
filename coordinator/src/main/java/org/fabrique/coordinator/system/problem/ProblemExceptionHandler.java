package org.fabrique.coordinator.system.problem;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** Answers every error that reaches the web layer with a problem detail (before Spring Boot's own handler). */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private final Problems problems;
    private final ProblemWriter writer;

    ProblemExceptionHandler(Problems problems, ProblemWriter writer) {
        this.problems = problems;
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return writer.write(exchange, problems.toProblem(exchange, error));
    }
}
