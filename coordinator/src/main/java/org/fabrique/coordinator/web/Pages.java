package org.fabrique.coordinator.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The three web pages: the public transparency page at {@code /}, the hospital desk at
 * {@code /desk}, the coordinator dashboard at {@code /dashboard}. They are static HTML with their
 * scripts and styles under {@code /css} and {@code /js} and the charting library from its webjar;
 * everything they load comes from this server ({@link #CONTENT_SECURITY_POLICY}).
 */
@Configuration(proxyBeanMethods = false)
class Pages {

    static final Map<String, String> PAGES = Map.of(
            "/", "static/pages/transparency.html",
            "/desk", "static/pages/desk.html",
            "/dashboard", "static/pages/dashboard.html");

    /**
     * Scripts only from this server and never inline: the pages keep a bearer token in session
     * storage, so no injected script may run. Styles may be set inline (the chart library does).
     * The camera ({@code media-src blob:}) reads lot labels' QR codes on the desk.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    RouterFunction<ServerResponse> pageRoutes() {
        RouterFunctions.Builder routes = RouterFunctions.route();
        PAGES.forEach((path, file) -> {
            Resource page = new ClassPathResource(file);
            routes.GET(path, request -> page(page));
        });
        // A lot label's QR code holds {public-url}/lots/{lot number}: scanned with a phone, it opens the desk on that lot.
        Resource desk = new ClassPathResource(PAGES.get("/desk"));
        routes.GET("/lots/{lot}", request -> page(desk));
        return routes.build();
    }

    private static Mono<ServerResponse> page(Resource page) {
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("Permissions-Policy", "camera=(self), microphone=(), geolocation=()")
                .body(BodyInserters.fromResource(page));
    }
}
