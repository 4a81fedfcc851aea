package org.fabrique.designs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fabrique.designs.TestDesigns.parse;
import static org.fabrique.designs.TestDesigns.validManifest;

import java.util.List;
import org.fabrique.designs.DesignLibraryException.Problem;
import org.junit.jupiter.api.Test;

class DesignManifestsTest {

    @Test
    void aCompleteManifestIsReadIntoTheModel() throws Exception {
        DesignManifest manifest = parse(validManifest());

        assertThat(manifest.id()).isEqualTo("test-block@1.0.0");
        assertThat(manifest.status()).isEqualTo(DesignStatus.PUBLISHED);
        assertThat(manifest.category()).isEqualTo(DesignCategory.FACE_SHIELD);
        assertThat(manifest.materials()).containsExactly(Material.PETG, Material.PLA);
        assertThat(manifest.title().fr()).isEqualTo("Bloc d'essai");
        DesignManifest.Part part = manifest.parts().get(0);
        assertThat(part.source().parameters()).containsExactly(
                org.assertj.core.api.Assertions.entry("size", 10L), org.assertj.core.api.Assertions.entry("label", "A-1"));
        assertThat(part.bbox().max()).isEqualTo(new DesignManifest.Point(10, 10, 10));
        assertThat(part.countPerItem()).isEqualTo(2);
        assertThat(manifest.printProfile().temperatures().get(Material.PLA)).isEqualTo(new DesignManifest.Temperatures(210, 60));
        assertThat(manifest.estimates().parts().get("block")).isEqualTo(new DesignManifest.PartEstimate(1.25, 6));
        assertThat(manifest.qcChecklist()).extracting(DesignManifest.QcItem::measure)
                .containsExactly(null, new DesignManifest.Measure(10, 0.2, "mm"));
        assertThat(manifest.aql()).isEqualTo(2.5);
    }

    @Test
    void itemsPerPrintDefaultsToOne() throws Exception {
        assertThat(parse(validManifest().replace("itemsPerPrint: 1\n", "")).itemsPerPrint()).isEqualTo(1);
    }

    @Test
    void aJsonManifestIsReadLikeYaml() throws Exception {
        String json = """
                {"slug": "json-block", "version": "2.1.0", "status": "DRAFT", "category": "syringe-pump",
                 "license": "MIT", "authors": ["A"], "title": {"fr": "t", "en": "t"},
                 "description": {"fr": "d", "en": "d"}, "materials": ["PLA"],
                 "parts": [{"name": "p", "file": "stl/p.stl", "source": {"scad": "src/p.scad"},
                            "sha256": "%s", "bytes": 684, "triangles": 12,
                            "bbox": {"min": [0, 0, 0], "max": [1, 1, 1]}, "volume": 1, "countPerItem": 1}],
                 "printProfile": {"layerHeight": 0.2, "perimeters": 2, "infillPercent": 15, "nozzle": 0.4,
                                  "temperatures": {"PLA": {"nozzle": 210, "bed": 60}}},
                 "estimates": {"slicer": "s", "material": "PLA", "massGramsPerItem": 1, "printMinutesPerItem": 1,
                               "parts": {"p": {"massGrams": 1, "printMinutes": 1}}},
                 "qcChecklist": [{"id": "ok", "text": {"fr": "f", "en": "e"}, "critical": false}],
                 "aql": 4.0, "instructions": {"assembly": {"fr": "a", "en": "a"}, "disinfection": {"fr": "d", "en": "d"}},
                 "preview": "preview.png", "medicalDisclaimer": {"fr": "m", "en": "m"}}
                """.formatted(TestDesigns.ANY_SHA256);

        DesignManifest manifest = parse(json);

        assertThat(manifest.id()).isEqualTo("json-block@2.1.0");
        assertThat(manifest.category()).isEqualTo(DesignCategory.SYRINGE_PUMP);
        assertThat(manifest.parts().get(0).source().parameters()).isEmpty();
    }

    @Test
    void invalidYamlIsReportedWithItsLineAndColumn() {
        assertThatThrownBy(() -> parse("slug: a\ntitle: {fr: x, en: y\nversion: 1.0.0\n"))
                .isInstanceOf(DesignLibraryException.class)
                .hasMessageStartingWith("test/design.yaml: not valid YAML: ")
                .hasMessageContaining("(line 3, column ");
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertThatThrownBy(() -> parse("# nothing here\n"))
                .hasMessage("test/design.yaml: the manifest is empty");
    }

    @Test
    void aDocumentThatIsNotAMappingIsRefused() {
        assertThatThrownBy(() -> parse("- just\n- a list\n"))
                .hasMessageStartingWith("test/design.yaml: expected a mapping, found a list (line 1, column 1)");
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThat(problemsOf(validManifest().replace("license: CC-BY-4.0\n", "")))
                .containsExactly("license: missing from the mapping at line 2");
    }

    @Test
    void aMissingTranslationIsNamedWithItsLanguage() {
        assertThat(problemsOf(validManifest().replace("title: {fr: Bloc d'essai, en: Test block}", "title: {fr: Bloc d'essai}")))
                .containsExactly("title.en: missing from the mapping at line 8");
    }

    @Test
    void aTextWhereANumberBelongsIsRefusedWithItsPosition() {
        assertThat(problemsOf(validManifest().replace("bytes: 684", "bytes: lots")))
                .containsExactly("parts[0].bytes: expected an integer, found \"lots\" (line 18, column 12)");
    }

    @Test
    void aDecimalWhereAnIntegerBelongsIsRefused() {
        assertThat(problemsOf(validManifest().replace("perimeters: 3", "perimeters: 2.5")))
                .containsExactly("printProfile.perimeters: expected an integer, found \"2.5\" (line 24, column 15)");
    }

    @Test
    void aNonBooleanCriticalFlagIsRefused() {
        assertThat(problemsOf(validManifest().replace("critical: true", "critical: maybe")))
                .containsExactly("qcChecklist[0].critical: expected true or false, found \"maybe\" (line 39, column 15)");
    }

    @Test
    void anUnknownFieldIsRefusedSoTyposAreNotSilentlyIgnored() {
        assertThat(problemsOf(validManifest().replace("license: CC-BY-4.0", "license: CC-BY-4.0\nlicence: MIT")))
                .singleElement().asString()
                .startsWith("licence: unknown field (known fields: slug, version, status,")
                .endsWith("(line 7, column 1)");
    }

    @Test
    void aDuplicatedFieldIsRefused() {
        assertThat(problemsOf(validManifest().replace("version: 1.0.0", "version: 1.0.0\nversion: 2.0.0")))
                .containsExactly("version: duplicate field (line 4, column 1)");
    }

    @Test
    void anUnknownStatusIsRefusedWithTheKnownOnes() {
        assertThat(problemsOf(validManifest().replace("status: PUBLISHED", "status: PUBLISH")))
                .containsExactly("status: unknown value \"PUBLISH\" (known: DRAFT, PUBLISHED, RETIRED)");
    }

    @Test
    void anUnknownCategoryIsRefused() {
        assertThat(problemsOf(validManifest().replace("category: face-shield", "category: ventilator")))
                .containsExactly("category: unknown category \"ventilator\" (known: face-shield, syringe-pump)");
    }

    @Test
    void anUnknownMaterialIsRefused() {
        assertThat(problemsOf(validManifest().replace("materials: [PETG, PLA]", "materials: [PETG, WOOD]")))
                .containsExactly("materials[1]: unknown value \"WOOD\" (known: PLA, PETG, ABS, ASA, PC, PA, TPU)");
    }

    @Test
    void aBoundingBoxCornerNeedsThreeCoordinates() {
        assertThat(problemsOf(validManifest().replace("max: [10, 10, 10]", "max: [10, 10]")))
                .containsExactly("parts[0].bbox.max: expected [x, y, z], found 2 numbers");
    }

    @Test
    void everyProblemOfAManifestIsReportedAtOnce() {
        assertThat(problemsOf(validManifest()
                        .replace("bytes: 684", "bytes: many")
                        .replace("volume: 1000", "volume: [1000]")
                        .replace("aql: 2.5", "aql: high")))
                .hasSize(3);
    }

    @Test
    void aManifestLargerThanTheLimitIsRefusedBeforeParsing() {
        String huge = validManifest() + "# " + "x".repeat(DesignManifests.MAX_CHARACTERS) + "\n";

        assertThatThrownBy(() -> parse(huge))
                .hasMessage("test/design.yaml: the manifest is larger than 1048576 characters");
    }

    @Test
    void aliasBombsAreRefused() {
        String bomb = """
                a: &a [x, x, x, x, x, x, x, x, x]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                """;

        assertThatThrownBy(() -> parse(bomb))
                .hasMessageContaining("not valid YAML: ")
                .hasMessageContaining("aliases");
    }

    static List<String> problemsOf(String yaml) {
        try {
            parse(yaml);
        } catch (DesignLibraryException e) {
            assertThat(e.problems()).extracting(Problem::file).containsOnly("test/design.yaml");
            return e.problems().stream().map(Problem::message).toList();
        }
        return List.of();
    }
}
