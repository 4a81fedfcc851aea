package org.fabrique.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The pages as served, without a browser: routes, headers, and that everything they load is local. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesTest {

    private static final Path STATIC = Path.of("src/main/resources/static");
    private TestCoordinator coordinator;
    private Api api;

    @BeforeAll
    void start() {
        coordinator = TestCoordinator.builder().embeddedMemory().start();
        api = coordinator.api();
    }

    @AfterAll
    void stop() {
        coordinator.close();
    }

    @Test
    void eachPageIsServedAsHtmlWithAPolicyThatAllowsOnlyThisServersScripts() {
        for (String path : List.of("/", "/desk", "/dashboard", "/lots/FAB-4K7-QM2-X")) {
            Api.Response page = Api.expect(api.get(path, null), 200);

            assertThat(page.headers().getContentType().toString()).as(path).isEqualTo("text/html;charset=UTF-8");
            assertThat(page.headers().getFirst("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'");
            assertThat(page.raw()).as(path).startsWith("<!doctype html>").contains("<main id=\"main\">");
        }
        assertThat(api.get("/desk", null).raw()).isEqualTo(api.get("/lots/FAB-4K7-QM2-X", null).raw());
    }

    @Test
    void everyScriptStyleAndIconAPageLoadsComesFromThisServer() throws IOException {
        Pattern reference = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");
        for (Path page : files("pages", ".html")) {
            Matcher found = reference.matcher(Files.readString(page));
            while (found.find()) {
                String url = found.group(1);
                assertThat(url).as("%s loads %s", page, url).startsWith("/");
                assertThat(api.get(url, null).status()).as("%s loads %s", page, url).isEqualTo(200);
            }
        }
    }

    @Test
    void noScriptOrStylesheetNamesAnotherHost() throws IOException {
        for (Path file : Stream.of(files("js", ".js"), files("css", ".css"), files("pages", ".html")).flatMap(List::stream).toList()) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/");
        }
    }

    @Test
    void theScriptsTheModulesImportExist() throws IOException {
        Pattern imports = Pattern.compile("from '\\./([a-z0-9-]+\\.js)'");
        for (Path script : files("js", ".js")) {
            Matcher found = imports.matcher(Files.readString(script));
            while (found.find()) {
                assertThat(STATIC.resolve("js").resolve(found.group(1))).as("%s imports %s", script, found.group(1)).exists();
            }
        }
    }

    static List<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(STATIC.resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
