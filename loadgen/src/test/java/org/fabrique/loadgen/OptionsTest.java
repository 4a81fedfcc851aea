package org.fabrique.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        assertThat(Options.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Options.parseDuration("3s")).isEqualTo(Duration.ofSeconds(3));
        assertThat(Options.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Options.parseDuration("PT30S")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aDurationNeedsAUnit() {
        assertThatThrownBy(() -> Options.parseDuration("30"))
                .hasMessage("not a duration: '30' (examples: 500ms, 3s, 2m)");
    }

    @Test
    void theAutomaticNeedQuantityGivesEveryMakerTwentyFiveFullClaimsWithinBounds() {
        assertThat(Options.automaticNeedQuantity(2000, 4, 100)).isEqualTo(2000);
        assertThat(Options.automaticNeedQuantity(10, 1, 100)).isEqualTo(100);
        assertThat(Options.automaticNeedQuantity(1_000_000, 50, 1)).isEqualTo(100_000);
    }
}
