package org.fabrique.coordinator.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.fabrique.coordinator.inspection.SamplingPlan.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SamplingPlansTest {

    /** One row of the published Table 2-A, arrows followed, as transcribed in table-2a-normal.csv. */
    record Published(String codeLetter, String aql, int sampleSize, int acceptNumber, int rejectNumber) {
    }

    static List<Published> publishedTable() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                SamplingPlansTest.class.getResourceAsStream("table-2a-normal.csv")), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("codeLetter,"))
                    .map(line -> line.split(","))
                    .map(f -> new Published(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Published> everyCell() {
        return publishedTable().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCell")
    void everyCodeLetterAndAqlGivesThePlanOfThePublishedTable(Published expected) {
        SamplingPlans.Plan plan = SamplingPlans.plan(expected.codeLetter(), Double.parseDouble(expected.aql()));

        assertThat(plan.sampleSize()).as("sample size").isEqualTo(expected.sampleSize());
        assertThat(plan.acceptNumber()).as("Ac").isEqualTo(expected.acceptNumber());
        assertThat(plan.rejectNumber()).as("Re").isEqualTo(expected.rejectNumber());
    }

    @Test
    void theTranscriptionCoversEverySampleSizeCodeLetterAndEveryAqlOfTheSeries() {
        List<Published> table = publishedTable();

        assertThat(table).hasSize(16 * 26);
        assertThat(table.stream().map(Published::codeLetter).distinct())
                .containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "Q", "R");
        assertThat(table.stream().map(Published::aql).distinct()).containsExactlyElementsOf(SamplingPlans.aqlSeries());
        assertThat(SamplingPlans.aqlSeries()).containsExactly("0.010", "0.015", "0.025", "0.040", "0.065", "0.10", "0.15",
                "0.25", "0.40", "0.65", "1.0", "1.5", "2.5", "4.0", "6.5", "10", "15", "25", "40", "65", "100", "150", "250",
                "400", "650", "1000");
    }

    @ParameterizedTest(name = "a lot of {0} takes code letter {1}")
    @CsvSource({
            "1, A", "2, A", "8, A", "9, B", "15, B", "16, C", "25, C", "26, D", "50, D", "51, E", "90, E", "91, F",
            "150, F", "151, G", "280, G", "281, H", "500, H", "501, J", "1200, J", "1201, K", "3200, K", "3201, L",
            "10000, L", "10001, M", "35000, M", "35001, N", "150000, N", "150001, P", "500000, P", "500001, Q",
            "2147483647, Q"})
    void lotSizesTakeTheCodeLetterOfTheirRangeInTable1(int lotSize, String codeLetter) {
        assertThat(SamplingPlans.codeLetter(lotSize)).isEqualTo(codeLetter);
        assertThat(SamplingPlans.forLot(lotSize, 2.5).codeLetter()).isEqualTo(codeLetter);
    }

    @Test
    void aPlanInTheTableIsUsedAsItIs() {
        SamplingPlan plan = SamplingPlans.forLot(1_000, 2.5);

        assertThat(plan).isEqualTo(new SamplingPlan(1_000, 2.5, "J", "J", 80, 5, 6, false));
    }

    @Test
    void aDownArrowLeadsToTheFirstPlanBelowAndItsLargerSample() {
        SamplingPlan plan = SamplingPlans.forLot(1_000, 0.10);

        assertThat(plan).isEqualTo(new SamplingPlan(1_000, 0.10, "J", "K", 125, 0, 1, false));
    }

    @Test
    void anUpArrowLeadsToTheFirstPlanAboveAndItsSmallerSample() {
        SamplingPlan plan = SamplingPlans.forLot(1_000, 0.25);

        assertThat(plan).isEqualTo(new SamplingPlan(1_000, 0.25, "J", "H", 50, 0, 1, false));
    }

    @Test
    void aLotNoLargerThanTheSampleIsInspectedWholeWithThePlansNumbers() {
        // Lots of 9 to 15 take code letter B; at AQL 1.0 its arrow leads down to E, a sample of 13.
        assertThat(SamplingPlans.forLot(10, 1.0)).isEqualTo(new SamplingPlan(10, 1.0, "B", "E", 10, 0, 1, true));
        assertThat(SamplingPlans.forLot(13, 1.0)).isEqualTo(new SamplingPlan(13, 1.0, "B", "E", 13, 0, 1, true));
        assertThat(SamplingPlans.forLot(14, 1.0)).isEqualTo(new SamplingPlan(14, 1.0, "B", "E", 13, 0, 1, false));
        assertThat(SamplingPlans.forLot(1, 2.5)).isEqualTo(new SamplingPlan(1, 2.5, "A", "C", 1, 0, 1, true));
    }

    @Test
    void aSampleIsAcceptedUpToTheAcceptNumberAndRejectedFromTheRejectNumber() {
        SamplingPlan plan = SamplingPlans.forLot(500, 2.5);
        assertThat(plan.sampleSize()).isEqualTo(50);
        assertThat(plan.acceptNumber()).isEqualTo(3);
        assertThat(plan.rejectNumber()).isEqualTo(4);

        assertThat(plan.decisionFor(0)).isEqualTo(Decision.ACCEPT);
        assertThat(plan.decisionFor(3)).isEqualTo(Decision.ACCEPT);
        assertThat(plan.decisionFor(4)).isEqualTo(Decision.REJECT);
        assertThat(plan.decisionFor(50)).isEqualTo(Decision.REJECT);
        assertThatThrownBy(() -> plan.decisionFor(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("defectives: must not be negative, got -1");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void anEmptyLotHasNoPlan(int lotSize) {
        assertThatThrownBy(() -> SamplingPlans.forLot(lotSize, 2.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lotSize: must be at least 1, got " + lotSize);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 3, 2.4999, 0.005, 1500, -2.5, Double.NaN, Double.POSITIVE_INFINITY})
    void anAqlOutsideTheStandardSeriesHasNoPlan(double aql) {
        assertThatThrownBy(() -> SamplingPlans.forLot(100, aql)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("aql: " + aql + " is not an acceptance quality limit of ISO 2859-1 (one of 0.010, 0.015");
    }
}
