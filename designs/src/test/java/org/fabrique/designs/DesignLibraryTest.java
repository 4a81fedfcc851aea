package org.fabrique.designs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.fabrique.designs.DesignLibraryException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignLibraryTest {

    @TempDir
    Path root;

    @Test
    void everyFolderWithAManifestIsLoadedInSlugOrder() throws Exception {
        TestDesigns.writeDesign(root, "second-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        TestDesigns.writeDesign(root, "first-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/shared.scad"), "module shared() {}\n");

        DesignLibrary library = DesignLibrary.load(root);

        assertThat(library.designs()).extracting(d -> d.manifest().slug()).containsExactly("first-block", "second-block");
        LoadedDesign first = library.design("first-block").orElseThrow();
        assertThat(first.directory()).isEqualTo(root.resolve("first-block"));
        assertThat(first.preview()).isEqualTo(root.resolve("first-block/preview.png"));
        LoadedPart part = first.parts().get(0);
        assertThat(part.bytes()).isEqualTo(684);
        assertThat(part.sha256()).isEqualTo(TestDesigns.sha256(root.resolve("first-block/stl/block.stl")));
        assertThat(part.mesh().watertight()).isTrue();
        assertThat(part.mesh().volume()).isEqualTo(1000.0);
    }

    @Test
    void aLibraryWithoutAnyDesignIsRefused() {
        assertThatThrownBy(() -> DesignLibrary.load(root))
                .isInstanceOf(DesignLibraryException.class)
                .hasMessageEndingWith(": no design found (no <slug>/design.yaml)");
    }

    @Test
    void aBrokenDesignRefusesTheLibraryNamingTheFileAndTheField() throws Exception {
        TestDesigns.writeDesign(root, "good-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        TestDesigns.writeDesign(root, "bad-block", TestDesigns.VALID_MANIFEST.replace("license: CC-BY-4.0", "license: proprietary"), Meshes.cube(10));

        assertThatThrownBy(() -> DesignLibrary.load(root))
                .isInstanceOfSatisfying(DesignLibraryException.class, e -> {
                    assertThat(e.file()).isEqualTo("bad-block/design.yaml");
                    assertThat(e.problem()).startsWith("license: \"proprietary\" is not an accepted open licence");
                    assertThat(e.problems()).hasSize(1);
                });
    }

    @Test
    void problemsOfSeveralDesignsAreAllReported() throws Exception {
        TestDesigns.writeDesign(root, "one-block", TestDesigns.VALID_MANIFEST.replace("version: 1.0.0", "version: one"), Meshes.cube(10));
        TestDesigns.writeDesign(root, "two-block", TestDesigns.VALID_MANIFEST.replace("aql: 2.5", "aql: 3"), Meshes.cube(10));

        assertThatThrownBy(() -> DesignLibrary.load(root))
                .isInstanceOfSatisfying(DesignLibraryException.class, e -> assertThat(e.problems())
                        .extracting(Problem::file).containsExactly("one-block/design.yaml", "two-block/design.yaml"));
    }

    @Test
    void aModifiedStlIsRefusedWithExpectedAndCalculatedDigests() throws Exception {
        Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        String published = TestDesigns.sha256(folder.resolve("stl/block.stl"));
        TestDesigns.writeStl(folder.resolve("stl/block.stl"), Meshes.withFlippedTriangle(Meshes.cube(10), 0));
        String tampered = TestDesigns.sha256(folder.resolve("stl/block.stl"));

        assertThatThrownBy(() -> DesignLibrary.load(root))
                .hasMessageContaining("test-block/design.yaml: parts[0].sha256: expected " + published + ", calculated " + tampered);
    }

    @Test
    void aMissingStlIsNamed() throws Exception {
        Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        Files.delete(folder.resolve("stl/block.stl"));

        assertThatThrownBy(() -> DesignLibrary.load(root))
                .hasMessage("test-block/design.yaml: parts[0].file: stl/block.stl does not exist");
    }

    @Test
    void aTruncatedStlIsRefusedWithJstlsPosition() throws Exception {
        Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        Path stl = folder.resolve("stl/block.stl");
        byte[] bytes = Files.readAllBytes(stl);
        Files.write(stl, Arrays.copyOf(bytes, bytes.length - 20));

        assertThatThrownBy(() -> DesignLibrary.load(root))
                .hasMessageStartingWith("test-block/design.yaml: parts[0].file: stl/block.stl is not a valid STL: triangle 11 (byte offset 634): ");
    }

    @Test
    void theSlugMustBeTheFolderName() throws Exception {
        Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        Files.move(folder, root.resolve("renamed-block"));

        assertThatThrownBy(() -> DesignLibrary.load(root))
                .hasMessage("renamed-block/design.yaml: slug: \"test-block\" must be the folder's name \"renamed-block\"");
    }

    @Test
    void theOpenScadSourceMustBeInTheLibrary() throws Exception {
        Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        Files.delete(folder.resolve("src/block.scad"));

        assertThatThrownBy(() -> DesignLibrary.load(root))
                .hasMessage("test-block/design.yaml: parts[0].source.scad: src/block.scad does not exist");
    }

    @Test
    void aPreviewThatIsNotAPngIsRefused() throws Exception {
        Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        Files.writeString(folder.resolve("preview.png"), "GIF89a");

        assertThatThrownBy(() -> DesignLibrary.load(root))
                .hasMessage("test-block/design.yaml: preview: preview.png is not a PNG image");
    }

    @Test
    void aMissingPreviewIsNamed() throws Exception {
        Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        Files.delete(folder.resolve("preview.png"));

        assertThatThrownBy(() -> DesignLibrary.load(root))
                .hasMessage("test-block/design.yaml: preview: preview.png does not exist");
    }

    @Test
    void twoManifestsInOneFolderAreAmbiguous() throws Exception {
        Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        Files.writeString(folder.resolve("design.json"), "{}");

        assertThatThrownBy(() -> DesignLibrary.load(root))
                .hasMessage("test-block/design.yaml: both design.yaml and design.json are present; keep only one manifest");
    }

    @Test
    void anUnparsableManifestIsRefusedWithItsLine() throws Exception {
        Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        Files.writeString(folder.resolve("design.yaml"), "slug: test-block\nversion: [1.0.0\n");

        assertThatThrownBy(() -> DesignLibrary.load(root))
                .hasMessageStartingWith("test-block/design.yaml: not valid YAML: ")
                .hasMessageContaining("(line 3, column 1)");
    }

    @Test
    void aSingleUploadedDesignCanBeCheckedWithoutItsSources() throws Exception {
        Path folder = TestDesigns.writeDesign(root, "test-block", TestDesigns.VALID_MANIFEST, Meshes.cube(10));
        Files.delete(folder.resolve("src/block.scad"));

        LoadedDesign design = DesignLibrary.loadDesign(folder, new DesignManifestValidator());

        assertThat(design.manifest().slug()).isEqualTo("test-block");
        assertThat(design.parts()).singleElement().extracting(LoadedPart::bytes).isEqualTo(684L);
    }
}
