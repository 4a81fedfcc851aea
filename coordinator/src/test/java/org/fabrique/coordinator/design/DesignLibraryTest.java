package org.fabrique.coordinator.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/**
 * The coordinator imports the design library from disk on first start — refusing a broken design
 * with its file and problem, importing the others — serves the files under their SHA-256, and
 * takes new versions by upload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DesignLibraryTest {

    private static final Path LIBRARY = Path.of("..", "designs").toAbsolutePath().normalize();

    private Path library;
    private TestCoordinator coordinator;
    private Api api;

    @BeforeAll
    void importACopyOfTheLibraryWithOneBrokenDesign() throws IOException {
        library = Files.createTempDirectory("library");
        for (String slug : new String[] {"face-shield-headband", "face-shield-bottom-reinforcement"}) {
            copy(LIBRARY.resolve(slug), library.resolve(slug));
        }
        Path broken = library.resolve("face-shield-headband-stack");
        copy(LIBRARY.resolve("face-shield-headband-stack"), broken);
        try (Stream<Path> stl = Files.list(broken.resolve("stl"))) {
            Path file = stl.findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 50));
        }
        coordinator = TestCoordinator.builder().embeddedMemory()
                .property("fabrique.designs.import-on-start", true)
                .property("fabrique.designs.library-dir", library)
                .start();
        api = coordinator.api();
    }

    @AfterAll
    void stop() {
        coordinator.close();
    }

    @Test
    void theValidDesignsArePublishedAndTheBrokenOneIsRefused() {
        JsonNode designs = Api.expect(api.get("/api/designs", null), 200).body();
        // Another test may publish a newer version of a design; the imported 1.0.0 versions are what counts here.
        assertThat(designs).filteredOn(d -> d.get("version").asString().equals("1.0.0"))
                .extracting(d -> d.get("slug").asString())
                .containsExactlyInAnyOrder("face-shield-headband", "face-shield-bottom-reinforcement");
        assertThat(designs).allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("PUBLISHED"));
        assertThat(api.get("/api/designs/face-shield-headband-stack", null).status()).isEqualTo(404);
    }

    @Test
    void aPartIsServedWithItsSha256AsETagAndAnswers304WhenUnchanged() throws Exception {
        JsonNode design = Api.expect(api.get("/api/designs/face-shield-headband/1.0.0", null), 200).body();
        JsonNode part = design.get("parts").get(0);
        byte[] bytes = WebClient.builder().baseUrl(api.baseUrl())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build().get().uri(part.get("url").asString()).retrieve()
                .bodyToMono(byte[].class).block();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(sha256).isEqualTo(part.get("sha256").asString());
        assertThat(bytes).hasSize(part.get("bytes").asInt());

        Api.Response head = api.get(part.get("url").asString(), null);
        assertThat(head.headers().getETag()).isEqualTo("\"" + sha256 + "\"");
        Api.Response unchanged = api.call(org.springframework.http.HttpMethod.GET, part.get("url").asString(), null, null,
                null, Map.of("If-None-Match", "\"" + sha256 + "\""));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(Api.expect(api.get("/api/designs/face-shield-headband/1.0.0/preview.png", null), 200).headers()
                .getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    }

    @Test
    void aNewVersionIsUploadedAsADraftPublishedAndThenImmutable() throws IOException {
        String coordinatorToken = coordinator.coordinatorToken();
        Path source = LIBRARY.resolve("face-shield-bottom-reinforcement");
        String manifest = Files.readString(source.resolve("design.yaml"), StandardCharsets.UTF_8)
                .replace("version: 1.0.0", "version: 1.1.0");
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("manifest", manifest).contentType(MediaType.TEXT_PLAIN);
        try (Stream<Path> stl = Files.list(source.resolve("stl"))) {
            stl.forEach(file -> form.part("file", new FileSystemResource(file)).filename(file.getFileName().toString()));
        }
        form.part("preview", new FileSystemResource(source.resolve("preview.png"))).filename("preview.png");

        Api.Response uploaded = Api.expect(api.multipart("/api/designs", coordinatorToken, form), 201);
        assertThat(uploaded.text("status")).isEqualTo("DRAFT");
        assertThat(api.get("/api/designs/face-shield-bottom-reinforcement/1.1.0", null).status()).isEqualTo(404);

        Api.expect(api.post("/api/designs/face-shield-bottom-reinforcement/1.1.0/publish", coordinatorToken, null), 200);
        assertThat(Api.expect(api.get("/api/designs/face-shield-bottom-reinforcement", null), 200).body())
                .extracting(d -> d.get("version").asString()).containsExactly("1.1.0", "1.0.0");

        Api.Response again = api.multipart("/api/designs", coordinatorToken, form);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("/problems/design-version-exists");
        Api.Response republish = api.post("/api/designs/face-shield-bottom-reinforcement/1.1.0/publish", coordinatorToken, null);
        assertThat(republish.status()).isEqualTo(409);
        assertThat(republish.problemType()).isEqualTo("/problems/design-not-draft");
    }

    @Test
    void anUploadWhoseManifestDoesNotMatchItsFilesNamesTheField() throws IOException {
        Path source = LIBRARY.resolve("face-shield-headband");
        String manifest = Files.readString(source.resolve("design.yaml"), StandardCharsets.UTF_8)
                .replace("version: 1.0.0", "version: 1.0.1").replaceFirst("triangles: \\d+", "triangles: 12");
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("manifest", manifest).contentType(MediaType.TEXT_PLAIN);
        try (Stream<Path> stl = Files.list(source.resolve("stl"))) {
            stl.forEach(file -> form.part("file", new FileSystemResource(file)).filename(file.getFileName().toString()));
        }
        Api.Response refused = api.multipart("/api/designs", coordinator.coordinatorToken(), form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("/problems/invalid-design");
        assertThat(refused.body().get("problems").toString()).contains("parts[0].triangles");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
