package org.fabrique.coordinator.system.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.CoordinatorTest;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

/** Every client mistake gets a precise problem detail, never a stack trace, and nothing is stored. */
class BadInputTest extends CoordinatorTest {

    @Override
    protected TestCoordinator.Builder configure(TestCoordinator.Builder builder) {
        return builder.property("fabrique.designs.max-part-size", "64KB");
    }

    private Map<String, Object> need(Object design, Object quantity) {
        Map<String, Object> need = new LinkedHashMap<>();
        need.put("design", design);
        need.put("quantity", quantity);
        need.put("neededBy", "2099-01-01");
        return need;
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.problemType()).isEqualTo("/problems/" + type);
        assertThat(response.text("title")).isNotBlank();
        assertThat(response.text("detail")).isNotBlank();
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.fabrique.");
    }

    @Test
    void aNeedForAnUnknownDesignIsRefusedAndNothingIsStored() {
        long before = count("needs");
        Api.Response response = api.post("/api/needs", hospital.token(), need("no-such-design", 10));
        assertProblem(response, 422, "design-unavailable");
        assertThat(response.text("detail")).contains("no-such-design");
        assertThat(count("needs")).isEqualTo(before);
    }

    @Test
    void aNegativeQuantityIsAValidationErrorNamingTheField() {
        long before = count("needs");
        Api.Response response = api.post("/api/needs", hospital.token(), need(DESIGN, -5));
        assertProblem(response, 400, "validation-failed");
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("quantity");
        assertThat(count("needs")).isEqualTo(before);
    }

    @Test
    void aHugeQuantityIsRefused() {
        assertProblem(api.post("/api/needs", hospital.token(), need(DESIGN, 1_000_000_000)), 400, "validation-failed");
        Api.Response beyondInt = api.post("/api/needs", hospital.token(),
                "{\"design\":\"" + DESIGN + "\",\"quantity\":99999999999999,\"neededBy\":\"2099-01-01\"}");
        assertProblem(beyondInt, 400, "malformed-request");
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        long before = count("needs");
        Api.Response response = api.post("/api/needs", hospital.token(), "{\"design\": \"visor-frame\", \"quantity\": 3,");
        assertProblem(response, 400, "malformed-request");
        assertThat(response.text("detail")).contains("line 1");
        assertThat(count("needs")).isEqualTo(before);
    }

    @Test
    void aDateInThePastIsRefused() {
        Map<String, Object> need = need(DESIGN, 3);
        need.put("neededBy", "2001-01-01");
        assertProblem(api.post("/api/needs", hospital.token(), need), 400, "validation-failed");
    }

    @Test
    void anUnsupportedContentTypeIsA415() {
        Api.Response response = api.raw(HttpMethod.POST, "/api/needs", hospital.token(), "text/plain", "ten visors please",
                Map.of());
        assertProblem(response, 415, "unsupported-media-type");
    }

    @Test
    void anInvalidStlUploadIsRefusedWithWhereTheFileIsBrokenAndNothingIsStored() {
        long designs = count("designs");
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("manifest", manifest("broken-frame")).contentType(MediaType.TEXT_PLAIN);
        form.part("file", "solid frame\n  facet normal 0 0 1\n    outer loop\n      vertex 0 0 0\n      vertex 1 0 zero\n"
                .getBytes(StandardCharsets.US_ASCII)).filename("frame.stl");
        Api.Response response = api.multipart("/api/designs", coordinatorToken, form);
        assertProblem(response, 422, "invalid-stl");
        assertThat(response.text("file")).isEqualTo("frame.stl");
        assertThat(response.body().get("line").asInt()).isEqualTo(5);
        assertThat(response.body().has("column")).isTrue();
        assertThat(count("designs")).isEqualTo(designs);
    }

    @Test
    void anOversizedUploadIsA413AndNothingIsStored() {
        long designs = count("designs");
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("manifest", manifest("big-frame")).contentType(MediaType.TEXT_PLAIN);
        form.part("file", new byte[200 * 1024]).filename("frame.stl");
        Api.Response response = api.multipart("/api/designs", coordinatorToken, form);
        assertProblem(response, 413, "upload-too-large");
        assertThat(count("designs")).isEqualTo(designs);
    }

    @Test
    void aReportWhoseCountsDoNotAddUpIsRefused() {
        String needId = api.postNeed(hospital.token(), DESIGN, 4);
        String lot = claimLot(maker, 4).text("id");
        Api.expect(api.lotAction(maker.token(), lot, "start", null, Api.newKey()), 200);
        Api.Response response = api.lotAction(maker.token(), lot, "report", Map.of("printed", 4, "failed", 1), Api.newKey());
        assertProblem(response, 422, "invalid-report");
        assertThat(response.number("quantity")).isEqualTo(4);
        Api.expect(api.post("/api/needs/" + needId + "/cancel", hospital.token(), Map.of()), 200);
    }

    @Test
    void unknownThingsAre404sOfTheirOwnType() {
        assertProblem(api.get("/api/lots/6b04ac1b31122945700e74e8", coordinatorToken), 404, "lot-not-found");
        assertProblem(api.get("/api/lots/FAB-000-000-0", coordinatorToken), 404, "lot-not-found");
        assertProblem(api.get("/api/needs/6b04ac1b31122945700e74e8", coordinatorToken), 404, "need-not-found");
        assertProblem(api.get("/api/designs/nothing/1.0.0", null), 404, "design-not-found");
        assertProblem(api.get("/api/nowhere", coordinatorToken), 404, "route-not-found");
        assertProblem(api.claim(maker.token(), "no-such-printer", 2, Api.newKey()), 404, "printer-not-found");
    }

    @Test
    void aWrongMethodIsA405() {
        assertProblem(api.raw(HttpMethod.DELETE, "/api/needs", hospital.token(), null, null, Map.of()), 405,
                "method-not-allowed");
    }

    private static String manifest(String slug) {
        return """
                slug: %s
                version: 1.0.0
                status: DRAFT
                category: face-shield
                license: CC-BY-4.0
                authors: [Tests]
                title: {fr: Cadre, en: Frame}
                description: {fr: Un cadre, en: A frame}
                materials: [PETG]
                itemsPerPrint: 1
                parts:
                  - name: frame
                    file: stl/frame.stl
                    source: {scad: src/frame.scad, parameters: {}}
                    countPerItem: 1
                    sha256: "%s"
                    bytes: 684
                    triangles: 12
                    bbox: {min: [0, 0, 0], max: [10, 10, 10]}
                    volume: 1000
                printProfile: {layerHeight: 0.2, perimeters: 3, infillPercent: 20, nozzle: 0.4, temperatures: {PETG: {nozzle: 240, bed: 80}}}
                estimates: {slicer: PrusaSlicer 2.5.0, material: PETG, massGramsPerItem: 1.2, printMinutesPerItem: 10, parts: {frame: {massGrams: 1.2, printMinutes: 10}}}
                qcChecklist:
                  - id: no-sharp-edges
                    critical: true
                    text: {fr: Pas d'arête vive, en: No sharp edge}
                aql: 2.5
                instructions:
                  assembly: {fr: Rien à assembler, en: Nothing to assemble}
                  disinfection: {fr: Alcool à 70 %%, en: 70 %% alcohol}
                preview: preview.png
                medicalDisclaimer: {fr: Pas un dispositif médical certifié, en: Not a certified medical device}
                """.formatted(slug, "0".repeat(64));
    }
}
