package org.fabrique.coordinator.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SemanticVersionTest {

    @Test
    void versionsSortByPrecedenceNotAsText() {
        List<String> sorted = Stream.of("1.10.0", "1.2.0", "1.0.0-rc.1", "1.0.0", "1.0.0-alpha", "1.0.0-alpha.10",
                "1.0.0-alpha.2", "2.0.0").sorted(Designs.NEWEST_FIRST).toList();
        assertThat(sorted).containsExactly("2.0.0", "1.10.0", "1.2.0", "1.0.0", "1.0.0-rc.1", "1.0.0-alpha.10",
                "1.0.0-alpha.2", "1.0.0-alpha");
    }

    @Test
    void onlyWellFormedVersionsAreValid() {
        assertThat(SemanticVersion.isValid("1.0.0+build.5")).isTrue();
        assertThat(SemanticVersion.isValid("1.0")).isFalse();
        assertThat(SemanticVersion.isValid("01.0.0")).isFalse();
    }
}
