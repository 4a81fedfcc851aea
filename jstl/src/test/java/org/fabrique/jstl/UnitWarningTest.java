package org.fabrique.jstl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitWarningTest {

  private static Optional<UnitWarning> warningForABoxOf(float x, float y, float z) {
    return Stl.analyze(Shapes.box(x, y, z)).unitWarning();
  }

  @Test
  void aPartOfAFewCentimetresIsPlausible() {
    assertThat(warningForABoxOf(60, 20, 5)).isEmpty();
  }

  @Test
  void aPartATenthOfAMillimetreAcrossWasProbablyExportedInMetres() {
    UnitWarning warning = warningForABoxOf(0.1f, 0.05f, 0.02f).orElseThrow();

    assertThat(warning.kind()).isEqualTo(UnitWarning.Kind.TOO_SMALL);
    assertThat(warning.suggestedScale()).isEqualTo(1000);
    assertThat(warning.message()).isEqualTo("the part is only 0.1000 mm across: if the file is"
        + " in metres, scale by 1000 (100.0 mm); if in inches, scale by 25.4 (2.540 mm)");
  }

  @Test
  void aPartFiveMetresAcrossWasProbablyExportedInMicrometres() {
    UnitWarning warning = warningForABoxOf(5000, 300, 10).orElseThrow();

    assertThat(warning.kind()).isEqualTo(UnitWarning.Kind.TOO_LARGE);
    assertThat(warning.suggestedScale()).isEqualTo(0.001);
    assertThat(warning.message()).contains("5000 mm across").contains("micrometres");
  }

  @Test
  void aFlatPartIsJudgedByItsLargestSize() {
    assertThat(warningForABoxOf(150, 150, 0.4f)).isEmpty();
  }
}
