package org.fabrique.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void percentilesOfOneToAHundredAreTheirOwnRank() {
        long[] shuffled = LongStream.rangeClosed(1, 100).map(i -> (i * 37) % 100 + 1).toArray();
        Percentiles p = Percentiles.of(shuffled, shuffled.length);

        assertThat(p.at(0)).isEqualTo(1);
        assertThat(p.at(50)).isEqualTo(50);
        assertThat(p.at(90)).isEqualTo(90);
        assertThat(p.at(99)).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void aPercentileIsAlwaysOneOfTheValuesRoundingTheRankUp() {
        Percentiles p = Percentiles.of(new long[] {30, 10, 20, 40}, 4);

        assertThat(p.at(50)).isEqualTo(20);
        assertThat(p.at(51)).isEqualTo(30);
        assertThat(p.at(99)).isEqualTo(40);
    }

    @Test
    void onlyTheCountedValuesAreUsed() {
        Percentiles p = Percentiles.of(new long[] {5, 7, 0, 0, 0}, 2);

        assertThat(p.at(0)).isEqualTo(5);
        assertThat(p.max()).isEqualTo(7);
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        Percentiles p = Percentiles.of(new long[] {42}, 1);

        assertThat(p.at(0)).isEqualTo(42);
        assertThat(p.at(99.9)).isEqualTo(42);
    }

    @Test
    void noValuesHaveNoPercentile() {
        assertThatThrownBy(() -> Percentiles.of(new long[0], 0).at(50))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no values");
    }
}
