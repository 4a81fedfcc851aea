package org.fabrique.coordinator.system.problem;

import java.util.Arrays;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/** Makes every problem {@code type} URI answer with a short page saying what it means. */
@RestController
class ProblemTypeController {

    @GetMapping(value = "/problems/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> describe(@PathVariable String slug) {
        ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new ApiException(ProblemType.ROUTE_NOT_FOUND, "No problem type " + slug));
        String title = HtmlUtils.htmlEscape(type.title());
        return Mono.just("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
                <body><main><h1>%s</h1><p>HTTP status %d. Problem type <code>%s</code> of the Fabrique API.</p>
                <p>The answer's <code>detail</code> says what happened in this case; the API walk-through
                (docs/api.md, section Errors) lists every type and what to do about it.</p></main></body></html>
                """.formatted(title, title, type.status().value(), type.uri()));
    }
}
