package org.fabrique.coordinator.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LotStateTest {

    private static final Set<String> ALLOWED = Set.of(
            "CLAIMED>PRINTING", "CLAIMED>RELEASED", "CLAIMED>EXPIRED",
            "PRINTING>PRINTED", "PRINTING>RELEASED", "PRINTING>EXPIRED",
            "PRINTED>SHIPPED", "SHIPPED>RECEIVED", "RECEIVED>APPROVED", "RECEIVED>REJECTED");

    static Stream<Arguments> illegalTransitions() {
        return EnumSet.allOf(LotState.class).stream().flatMap(from -> EnumSet.allOf(LotState.class).stream()
                .filter(to -> !ALLOWED.contains(from + ">" + to))
                .map(to -> Arguments.of(from, to)));
    }

    static Stream<Arguments> legalTransitions() {
        return ALLOWED.stream().map(t -> Arguments.of(LotState.valueOf(t.split(">")[0]), LotState.valueOf(t.split(">")[1])));
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("illegalTransitions")
    void anIllegalTransitionIsRefusedWithBothStatesInTheMessage(LotState from, LotState to) {
        assertThatThrownBy(() -> from.check(to))
                .isInstanceOfSatisfying(IllegalStateTransition.class, e -> {
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.to()).isEqualTo(to);
                    assertThat(e.properties()).containsEntry("from", from.name()).containsEntry("to", to.name());
                })
                .hasMessageContaining("cannot go from " + from + " to " + to);
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("legalTransitions")
    void aLegalTransitionPasses(LotState from, LotState to) {
        from.check(to);
        assertThat(from.allowedNext()).contains(to);
    }

    @Test
    void theFinalStatesAreTheFourEndings() {
        assertThat(EnumSet.allOf(LotState.class)).filteredOn(LotState::isFinal)
                .containsExactlyInAnyOrder(LotState.APPROVED, LotState.REJECTED, LotState.RELEASED, LotState.EXPIRED);
    }

    @Test
    void onlyReleasedExpiredAndRejectedLotsReturnTheirItems() {
        assertThat(EnumSet.allOf(LotState.class)).filteredOn(LotState::returnsItems)
                .containsExactlyInAnyOrder(LotState.RELEASED, LotState.EXPIRED, LotState.REJECTED);
    }

    @Test
    void aFinalStateExplainsThatItIsFinal() {
        assertThatThrownBy(() -> LotState.APPROVED.check(LotState.SHIPPED)).hasMessageContaining("APPROVED is final");
    }
}
