package org.fabrique.jstl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundingBoxTest {

  private final BoundingBox tallPart = new BoundingBox(-10, -20, 5, 10, 20, 255);

  @Test
  void measuresItsSizes() {
    assertThat(tallPart.sizeX()).isEqualTo(20);
    assertThat(tallPart.sizeY()).isEqualTo(40);
    assertThat(tallPart.sizeZ()).isEqualTo(250);
    assertThat(tallPart.largestSize()).isEqualTo(250);
  }

  @Test
  void fitsABedOnlyAfterLayingThePartDown() {
    assertThat(tallPart.fitsWithin(300, 50, 30)).isTrue();
    assertThat(tallPart.fitsWithin(30, 300, 50)).isTrue();
  }

  @Test
  void fitsABedItExactlyTouches() {
    assertThat(tallPart.fitsWithin(20, 40, 250)).isTrue();
  }

  @Test
  void doesNotFitABedTooSmallInEveryOrientation() {
    assertThat(tallPart.fitsWithin(200, 200, 200)).isFalse();
    assertThat(tallPart.fitsWithin(250, 19.9, 40)).isFalse();
  }
}
