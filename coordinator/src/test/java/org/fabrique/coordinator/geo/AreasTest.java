package org.fabrique.coordinator.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fabrique.coordinator.system.problem.ApiException;
import org.junit.jupiter.api.Test;

class AreasTest {

    @Test
    void aFrenchPostcodeMapsToItsDepartement() {
        assertThat(Areas.of("FR", "69003").code()).isEqualTo("FR-69");
        assertThat(Areas.of("FR", "69003").region()).isEqualTo("Auvergne-Rhône-Alpes");
        assertThat(Areas.of(null, "75015").name()).isEqualTo("Paris");
    }

    @Test
    void corsicaAndOverseasDepartementsAreMappedToo() {
        assertThat(Areas.of("FR", "20000").code()).isEqualTo("FR-2A");
        assertThat(Areas.of("FR", "20200").code()).isEqualTo("FR-2B");
        assertThat(Areas.of("FR", "97400").code()).isEqualTo("FR-974");
    }

    @Test
    void everyMetropolitanAndOverseasDepartementIsKnown() {
        assertThat(Areas.frenchDepartements()).hasSize(101);
    }

    @Test
    void distancesBetweenAreasAreGreatCircleDistancesBetweenTheirCentres() {
        Area lyon = Areas.of("FR", "69003");
        Area paris = Areas.of("FR", "75001");
        assertThat(lyon.distanceKmTo(paris)).isCloseTo(392, within(10.0));
        assertThat(lyon.distanceKmTo(lyon)).isZero();
    }

    @Test
    void aPostcodeAbroadKeepsOnlyItsFirstTwoCharactersAndHasNoDistance() {
        Area berlin = Areas.of("DE", "10115");
        assertThat(berlin.code()).isEqualTo("DE-10");
        assertThat(berlin.distanceKmTo(Areas.of("FR", "69003"))).isNull();
    }

    @Test
    void anImpossiblePostcodeIsAClientError() {
        assertThatThrownBy(() -> Areas.of("FR", "6900")).isInstanceOf(ApiException.class)
                .hasMessageContaining("5 digits");
        assertThatThrownBy(() -> Areas.of("FR", "98000")).hasMessageContaining("not in a known département");
        assertThatThrownBy(() -> Areas.of("France", "69003")).hasMessageContaining("ISO 3166-1");
    }
}
