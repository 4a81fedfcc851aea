package org.fabrique.designs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fabrique.designs.TestDesigns.parse;
import static org.fabrique.designs.TestDesigns.validManifest;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignManifestValidatorTest {

    private final DesignManifestValidator validator = new DesignManifestValidator();

    private List<String> problemsOf(String yaml) throws DesignLibraryException {
        return validator.problems(parse(yaml));
    }

    private List<String> problemsAfter(String valid, String replacement) throws DesignLibraryException {
        String yaml = validManifest().replace(valid, replacement);
        assertThat(yaml).as("the replaced text must be in the valid manifest").isNotEqualTo(validManifest());
        return problemsOf(yaml);
    }

    @Test
    void theValidManifestHasNoProblem() throws Exception {
        assertThat(problemsOf(validManifest())).isEmpty();
    }

    @Test
    void aSlugMustBeKebabCase() throws Exception {
        assertThat(problemsAfter("slug: test-block", "slug: Test_Block"))
                .containsExactly("slug: \"Test_Block\" must be lower-case words of letters and digits joined by '-', at most 64 characters");
    }

    @Test
    void aVersionMustBeSemantic() throws Exception {
        assertThat(problemsAfter("version: 1.0.0", "version: 1.0"))
                .containsExactly("version: \"1.0\" is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.0.0)");
    }

    @Test
    void preReleaseAndBuildVersionsAreSemantic() throws Exception {
        assertThat(problemsAfter("version: 1.0.0", "version: 2.0.0-rc.1+build.5")).isEmpty();
    }

    @Test
    void aLeadingZeroIsNotSemantic() throws Exception {
        assertThat(problemsAfter("version: 1.0.0", "version: 1.02.0")).hasSize(1);
    }

    @Test
    void aNonCommercialLicenceIsRefused() throws Exception {
        assertThat(problemsAfter("license: CC-BY-4.0", "license: CC-BY-NC-4.0"))
                .singleElement().asString()
                .startsWith("license: \"CC-BY-NC-4.0\" is not an accepted open licence SPDX identifier (accepted: AGPL-3.0-or-later, Apache-2.0,");
    }

    @Test
    void aLicenceMustBeSpelledAsItsSpdxIdentifier() throws Exception {
        assertThat(problemsAfter("license: CC-BY-4.0", "license: CC BY 4.0")).hasSize(1);
    }

    @Test
    void aDesignNeedsAnAuthor() throws Exception {
        assertThat(problemsAfter("authors: [Test Author]", "authors: []"))
                .containsExactly("authors: at least one author is required");
    }

    @Test
    void anAuthorMustNotBeBlank() throws Exception {
        assertThat(problemsAfter("authors: [Test Author]", "authors: [Test Author, \" \"]"))
                .containsExactly("authors[1]: must not be blank");
    }

    @Test
    void aBlankFrenchTextIsRefused() throws Exception {
        assertThat(problemsAfter("title: {fr: Bloc d'essai,", "title: {fr: '  ',"))
                .containsExactly("title.fr: the French text must not be blank");
    }

    @Test
    void anEmptyEnglishTextIsRefused() throws Exception {
        assertThat(problemsAfter("en: Not a medical device.}", "en: }"))
                .containsExactly("medicalDisclaimer.en: the English text must not be blank");
    }

    @Test
    void instructionsNeedBothLanguages() throws Exception {
        assertThat(problemsAfter("disinfection: {fr: Alcool à 70 %., en: 70% alcohol.}", "disinfection: {fr: '', en: 70% alcohol.}"))
                .containsExactly("instructions.disinfection.fr: the French text must not be blank");
    }

    @Test
    void aMaterialListedTwiceIsRefused() throws Exception {
        assertThat(problemsAfter("materials: [PETG, PLA]", "materials: [PETG, PLA, PETG]"))
                .containsExactly("materials: [PETG, PLA, PETG] lists a material twice");
    }

    @Test
    void aDesignNeedsAMaterial() throws Exception {
        assertThat(problemsAfter("materials: [PETG, PLA]", "materials: []"))
                .contains("materials: at least one material is required");
    }

    @Test
    void itemsPerPrintMustBePositive() throws Exception {
        assertThat(problemsAfter("itemsPerPrint: 1", "itemsPerPrint: 0"))
                .contains("itemsPerPrint: 0 must be at least 1");
    }

    @Test
    void aPartFileMayNotLeaveTheDesignFolder() throws Exception {
        assertThat(problemsAfter("file: stl/block.stl", "file: ../other/stl/block.stl"))
                .containsExactly("parts[0].file: \"../other/stl/block.stl\" must be a relative path to a .stl file inside the design");
    }

    @Test
    void aPartFileMayNotBeAbsolute() throws Exception {
        assertThat(problemsAfter("file: stl/block.stl", "file: /etc/block.stl")).hasSize(1);
    }

    @Test
    void aPartFileMustBeAnStl() throws Exception {
        assertThat(problemsAfter("file: stl/block.stl", "file: stl/block.obj"))
                .containsExactly("parts[0].file: \"stl/block.obj\" must be a relative path to a .stl file inside the design");
    }

    @Test
    void aPartNameMustBeKebabCase() throws Exception {
        assertThat(problemsAfter("- name: block", "- name: Block 1"))
                .contains("parts[0].name: \"Block 1\" must be lower-case words joined by '-'");
    }

    @Test
    void twoPartsMayNotShareAName() throws Exception {
        String twoParts = validManifest().replace("  - name: block\n", """
                  - name: block
                    file: stl/other.stl
                    source: {scad: src/other.scad}
                    countPerItem: 1
                    sha256: "%s"
                    bytes: 684
                    triangles: 12
                    bbox: {min: [0, 0, 0], max: [10, 10, 10]}
                    volume: 1000
                  - name: block
                """.formatted(TestDesigns.ANY_SHA256));

        assertThat(problemsOf(twoParts)).contains("parts[1].name: \"block\" is used by another part");
    }

    @Test
    void aSourceMustBeAScadFileInsideTheDesign() throws Exception {
        assertThat(problemsAfter("scad: src/block.scad", "scad: ../../lib/block.scad"))
                .containsExactly("parts[0].source.scad: \"../../lib/block.scad\" must be a relative path to a .scad file inside the design");
    }

    @Test
    void aSourceParameterTextCannotCarryShellCharacters() throws Exception {
        assertThat(problemsAfter("label: A-1", "label: \"A; rm -rf\""))
                .containsExactly("parts[0].source.parameters.label: \"A; rm -rf\" may only hold letters, digits and _ . + -");
    }

    @Test
    void aDigestMustBeSixtyFourLowerCaseHexDigits() throws Exception {
        assertThat(problemsAfter(TestDesigns.ANY_SHA256, TestDesigns.ANY_SHA256.toUpperCase()))
                .containsExactly("parts[0].sha256: \"" + TestDesigns.ANY_SHA256.toUpperCase() + "\" is not 64 lower-case hexadecimal digits");
    }

    @Test
    void theSizeMustBeThatOfABinaryStlWithTheDeclaredTriangles() throws Exception {
        assertThat(problemsAfter("bytes: 684", "bytes: 700"))
                .containsExactly("parts[0].bytes: 700 is not the size of a binary STL with 12 triangles (684)");
    }

    @Test
    void aClosedMeshHasAtLeastFourTriangles() throws Exception {
        assertThat(problemsAfter("triangles: 12", "triangles: 2"))
                .containsExactly("parts[0].triangles: 2 cannot be a closed mesh (at least 4)");
    }

    @Test
    void aBoundingBoxMinimumMayNotExceedItsMaximum() throws Exception {
        assertThat(problemsAfter("min: [0, 0, 0]", "min: [0, 11, 0]"))
                .containsExactly("parts[0].bbox: min [0, 11, 0] must not exceed max [10, 10, 10]");
    }

    @Test
    void aPartVolumeMustBePositive() throws Exception {
        assertThat(problemsAfter("volume: 1000", "volume: -1000"))
                .containsExactly("parts[0].volume: -1000 mm3 must be positive");
    }

    @Test
    void aPartIsNeededAtLeastOncePerItem() throws Exception {
        assertThat(problemsAfter("countPerItem: 2", "countPerItem: 0"))
                .contains("parts[0].countPerItem: 0 must be at least 1");
    }

    @Test
    void aLayerHeightAboveEightyPercentOfTheNozzleIsRefused() throws Exception {
        assertThat(problemsAfter("layerHeight: 0.2", "layerHeight: 0.35"))
                .containsExactly("printProfile.layerHeight: 0.35 mm must be between 0.04 mm and 80% of the nozzle (0.32 mm)");
    }

    @Test
    void anInfillAboveAHundredPercentIsRefused() throws Exception {
        assertThat(problemsAfter("infillPercent: 20", "infillPercent: 120"))
                .containsExactly("printProfile.infillPercent: 120 must be between 0 and 100");
    }

    @Test
    void everyAllowedMaterialNeedsTemperatures() throws Exception {
        assertThat(problemsAfter("    PLA: {nozzle: 210, bed: 60}\n", ""))
                .containsExactly("printProfile.temperatures: no temperatures for PLA, which the design allows");
    }

    @Test
    void temperaturesForAMaterialTheDesignDoesNotAllowAreRefused() throws Exception {
        assertThat(problemsAfter("    PLA: {nozzle: 210, bed: 60}\n", "    PLA: {nozzle: 210, bed: 60}\n    ABS: {nozzle: 250, bed: 100}\n"))
                .containsExactly("printProfile.temperatures.ABS: ABS is not among the design's materials [PETG, PLA]");
    }

    @Test
    void aNozzleTemperatureOutOfRangeIsRefused() throws Exception {
        assertThat(problemsAfter("PETG: {nozzle: 235, bed: 80}", "PETG: {nozzle: 2350, bed: 80}"))
                .containsExactly("printProfile.temperatures.PETG.nozzle: 2350 °C must be between 150 and 350 °C");
    }

    @Test
    void theSlicerMustBeNamed() throws Exception {
        assertThat(problemsAfter("slicer: PrusaSlicer 2.5.0", "slicer: ''"))
                .containsExactly("estimates.slicer: name and version of the slicer are required");
    }

    @Test
    void estimatesMustBeForAnAllowedMaterial() throws Exception {
        assertThat(problemsAfter("  material: PETG", "  material: ABS"))
                .containsExactly("estimates.material: ABS is not among the design's materials [PETG, PLA]");
    }

    @Test
    void aMissingEstimateIsRefused() throws Exception {
        assertThat(problemsAfter("massGramsPerItem: 2.5", "massGramsPerItem: 0"))
                .containsExactly("estimates.massGramsPerItem: 0 must be positive",
                        "estimates.massGramsPerItem: 0 does not match the parts' estimates times countPerItem over itemsPerPrint (2.5)");
    }

    @Test
    void everyPartNeedsItsEstimate() throws Exception {
        assertThat(problemsAfter("block: {massGrams: 1.25, printMinutes: 6}", "blok: {massGrams: 1.25, printMinutes: 6}"))
                .containsExactly("estimates.parts: no estimate for part \"block\"",
                        "estimates.parts.blok: there is no part of that name");
    }

    @Test
    void perItemEstimatesMustAddUpFromThePartsCountsAndItemsPerPrint() throws Exception {
        // two blocks of 6 minutes per item, four items per print: 3 minutes per item, not 12
        assertThat(problemsAfter("itemsPerPrint: 1", "itemsPerPrint: 4"))
                .containsExactly(
                        "estimates.massGramsPerItem: 2.5 does not match the parts' estimates times countPerItem over itemsPerPrint (0.625)",
                        "estimates.printMinutesPerItem: 12 does not match the parts' estimates times countPerItem over itemsPerPrint (3)");
    }

    @Test
    void anEmptyQcChecklistIsRefused() throws Exception {
        String noChecklist = validManifest().replaceAll("(?s)qcChecklist:.*?aql:", "qcChecklist: []\naql:");

        assertThat(problemsOf(noChecklist)).containsExactly("qcChecklist: an inspector needs at least one item to check");
    }

    @Test
    void aQcItemIdMustBeKebabCase() throws Exception {
        assertThat(problemsAfter("id: block-size", "id: blockSize"))
                .containsExactly("qcChecklist[1].id: \"blockSize\" must be kebab-case (lower-case words joined by '-')");
    }

    @Test
    void twoQcItemsMayNotShareAnId() throws Exception {
        assertThat(problemsAfter("id: block-size", "id: no-sharp-edges"))
                .containsExactly("qcChecklist[1].id: \"no-sharp-edges\" is used by another item");
    }

    @Test
    void aQcTextNeedsBothLanguages() throws Exception {
        assertThat(problemsAfter("{fr: Côté du cube., en: Side of the cube.}", "{fr: Côté du cube., en: ''}"))
                .containsExactly("qcChecklist[1].text.en: the English text must not be blank");
    }

    @Test
    void aMeasureNeedsAPositiveTolerance() throws Exception {
        assertThat(problemsAfter("tolerance: 0.2", "tolerance: 0"))
                .containsExactly("qcChecklist[1].measure.tolerance: 0 must be positive");
    }

    @Test
    void aMeasureNeedsAUnit() throws Exception {
        assertThat(problemsAfter("unit: mm", "unit: ' '"))
                .containsExactly("qcChecklist[1].measure.unit: must not be blank");
    }

    @Test
    void anAqlMustBeFromTheIsoSeries() throws Exception {
        assertThat(problemsAfter("aql: 2.5", "aql: 3"))
                .singleElement().asString()
                .startsWith("aql: 3 is not an ISO 2859-1 acceptance quality limit (one of 0.01, 0.015, 0.025,");
    }

    @Test
    void thePreviewMustBeAPngInsideTheDesign() throws Exception {
        assertThat(problemsAfter("preview: preview.png", "preview: ../preview.jpg"))
                .containsExactly("preview: \"../preview.jpg\" must be a relative path to a .png file inside the design");
    }

    /** Checks that need the part file, measured by jstl. */
    @Nested
    class PartFiles {

        @TempDir
        Path root;

        private List<String> problemsWith(String manifest, float[] mesh) throws Exception {
            Path folder = TestDesigns.writeDesign(root, "test-block", manifest, mesh);
            DesignManifest parsed = DesignManifests.parse(folder.resolve("design.yaml"), "test-block/design.yaml");
            DesignManifest.Part part = parsed.parts().get(0);
            LoadedPart file = LoadedPart.read(part, folder.resolve(part.file()));
            return validator.problems(parsed, List.of(file));
        }

        @Test
        void aFileThatIsExactlyWhatTheManifestSaysHasNoProblem() throws Exception {
            assertThat(problemsWith(TestDesigns.VALID_MANIFEST, Meshes.cube(10))).isEmpty();
        }

        @Test
        void aDigestMismatchNamesBothDigests() throws Exception {
            String manifest = TestDesigns.VALID_MANIFEST.replace(TestDesigns.DIGEST_PLACEHOLDER, TestDesigns.ANY_SHA256);
            Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
            String actual = TestDesigns.sha256(folder.resolve("stl/block.stl"));

            assertThat(problemsWith(manifest, Meshes.cube(10)))
                    .containsExactly("parts[0].sha256: expected " + TestDesigns.ANY_SHA256 + ", calculated " + actual);
        }

        @Test
        void aTriangleCountMismatchIsRefused() throws Exception {
            String manifest = TestDesigns.VALID_MANIFEST.replace("bytes: 684", "bytes: 734").replace("triangles: 12", "triangles: 13");

            assertThat(problemsWith(manifest, Meshes.cube(10)))
                    .containsExactly("parts[0].bytes: expected 734, the file has 684", "parts[0].triangles: expected 13, the file has 12");
        }

        @Test
        void aBoundingBoxOffByMoreThanAThousandthIsRefused() throws Exception {
            String manifest = TestDesigns.VALID_MANIFEST.replace("max: [10, 10, 10]", "max: [10, 10.002, 10]");

            assertThat(problemsWith(manifest, Meshes.cube(10)))
                    .containsExactly("parts[0].bbox: expected min [0, 0, 0] max [10, 10.002, 10], the file has min [0, 0, 0] max [10, 10, 10]");
        }

        @Test
        void aBoundingBoxWithinAThousandthIsAccepted() throws Exception {
            String manifest = TestDesigns.VALID_MANIFEST.replace("max: [10, 10, 10]", "max: [10, 10.0009, 10]");

            assertThat(problemsWith(manifest, Meshes.cube(10))).isEmpty();
        }

        @Test
        void aVolumeMismatchIsRefused() throws Exception {
            String manifest = TestDesigns.VALID_MANIFEST.replace("volume: 1000", "volume: 1001");

            assertThat(problemsWith(manifest, Meshes.cube(10)))
                    .containsExactly("parts[0].volume: expected 1001 mm3, the file has 1000 mm3");
        }

        @Test
        void aMeshWithAHoleIsNotWatertight() throws Exception {
            String manifest = TestDesigns.VALID_MANIFEST.replace("bytes: 684", "bytes: 634").replace("triangles: 12", "triangles: 11");

            assertThat(problemsWith(manifest, Meshes.withoutTriangle(Meshes.cube(10), 3)))
                    .contains("parts[0].file: stl/block.stl is not watertight (3 boundary edges, 0 non-manifold edges)");
        }

        @Test
        void aMeshWithAFlippedTriangleIsNotConsistentlyOriented() throws Exception {
            assertThat(problemsWith(TestDesigns.VALID_MANIFEST, Meshes.withFlippedTriangle(Meshes.cube(10), 5)))
                    .contains("parts[0].file: stl/block.stl is not consistently oriented (3 edges join faces of opposite orientation)");
        }

        @Test
        void anInsideOutMeshIsRefusedForItsNegativeVolume() throws Exception {
            String manifest = TestDesigns.VALID_MANIFEST.replace("volume: 1000", "volume: 1");

            assertThat(problemsWith(manifest, Meshes.insideOut(Meshes.cube(10))))
                    .contains("parts[0].file: stl/block.stl encloses a volume of -1000 mm3; its faces must point outward");
        }

        @Test
        void aPartLargerThanTheBedInEveryOrientationIsRefused() throws Exception {
            String manifest = TestDesigns.VALID_MANIFEST
                    .replace("max: [10, 10, 10]", "max: [250, 10, 10]").replace("volume: 1000", "volume: 25000");

            assertThat(problemsWith(manifest, Meshes.box(250, 10, 10)))
                    .containsExactly("parts[0].file: stl/block.stl measures 250 x 10 x 10 mm and does not fit a 200 x 200 x 200 mm print volume");
        }

        @Test
        void aPartThatFitsOnlyOnItsSideIsAccepted() throws Exception {
            String manifest = TestDesigns.VALID_MANIFEST
                    .replace("max: [10, 10, 10]", "max: [10, 10, 190]").replace("volume: 1000", "volume: 19000");

            assertThat(problemsWith(manifest, Meshes.box(10, 10, 190))).isEmpty();
        }

        @Test
        void aSmallerBedIsHonoured() throws Exception {
            Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
            DesignManifest parsed = DesignManifests.parse(folder.resolve("design.yaml"), "test-block/design.yaml");
            LoadedPart file = LoadedPart.read(parsed.parts().get(0), folder.resolve("stl/block.stl"));

            assertThat(new DesignManifestValidator(5, 5, 5).problems(parsed, List.of(file)))
                    .containsExactly("parts[0].file: stl/block.stl measures 10 x 10 x 10 mm and does not fit a 5 x 5 x 5 mm print volume");
        }

        @Test
        void aPartWhoseFileIsNotProvidedIsReported() throws Exception {
            Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
            DesignManifest parsed = DesignManifests.parse(folder.resolve("design.yaml"), "test-block/design.yaml");

            assertThat(validator.problems(parsed, List.of())).containsExactly("parts[0].file: stl/block.stl was not provided");
        }
    }
}
