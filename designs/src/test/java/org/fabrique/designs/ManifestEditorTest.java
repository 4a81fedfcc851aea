package org.fabrique.designs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ManifestEditorTest {

    @Test
    void replacedValuesLeaveCommentsAndLayoutUntouched() throws Exception {
        String yaml = """
                # hand-written comment
                title: {fr: Écran, en: Shield}   # trailing comment
                parts:
                  - name: a
                    # Measured
                    sha256: "old"
                    bbox: {min: [0, 0, 0], max: [1, 2, 3]}
                """;

        String edited = new ManifestEditor(yaml, "x/design.yaml")
                .set("\"new\"", "parts", 0, "sha256")
                .set("2.500", "parts", 0, "bbox", "max", 1)
                .text();

        assertThat(edited).isEqualTo("""
                # hand-written comment
                title: {fr: Écran, en: Shield}   # trailing comment
                parts:
                  - name: a
                    # Measured
                    sha256: "new"
                    bbox: {min: [0, 0, 0], max: [1, 2.500, 3]}
                """);
    }

    @Test
    void positionsCountCharactersOutsideTheBasicPlaneCorrectly() throws Exception {
        String yaml = "note: \"\uD83D\uDE37 mask\"\nvalue: 1\n";

        assertThat(new ManifestEditor(yaml, "x/design.yaml").set("2", "value").text()).isEqualTo("note: \"\uD83D\uDE37 mask\"\nvalue: 2\n");
    }

    @Test
    void aFieldThatIsNotThereIsNamed() throws Exception {
        ManifestEditor editor = new ManifestEditor("parts:\n  - name: a\n", "x/design.yaml");

        assertThatThrownBy(() -> editor.set("1", "parts", 0, "volume"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x/design.yaml: parts[0].volume: missing; add it with a placeholder value and run the regeneration again");
    }

    @Test
    void onlySingleValuesAreReplaced() throws Exception {
        ManifestEditor editor = new ManifestEditor("bbox: {min: [0, 0, 0]}\n", "x/design.yaml");

        assertThatThrownBy(() -> editor.set("1", "bbox", "min"))
                .hasMessage("x/design.yaml: bbox.min: expected a single value to replace");
    }
}
