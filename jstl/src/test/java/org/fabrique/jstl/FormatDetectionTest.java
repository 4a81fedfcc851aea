package org.fabrique.jstl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FormatDetectionTest {

  private static StlFormat detect(byte[] input, boolean sizeKnown) {
    byte[] head = Arrays.copyOf(input, Math.min(input.length, 84));
    return Stl.detect(head, head.length, sizeKnown ? input.length : -1);
  }

  @Test
  void aBinaryHeaderBeginningWithSolidIsBinaryWhenTheSizeMatchesTheCount() {
    byte[] input = StlBytes.binary("solid part", 1, StlBytes.triangle(0, 0, 0, 1, 1, 1, 2, 2, 2));

    assertThat(detect(input, true)).isEqualTo(StlFormat.BINARY);
  }

  @Test
  void aBinaryHeaderBeginningWithSolidIsBinaryInAStreamThanksToItsZeroBytes() {
    byte[] input = StlBytes.binary("solid part", 1, StlBytes.triangle(0, 0, 0, 1, 1, 1, 2, 2, 2));

    assertThat(detect(input, false)).isEqualTo(StlFormat.BINARY);
  }

  @Test
  void textBeginningWithSolidIsAscii() {
    byte[] input = "  solid part\n  facet normal 0 0 1\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(detect(input, true)).isEqualTo(StlFormat.ASCII);
    assertThat(detect(input, false)).isEqualTo(StlFormat.ASCII);
  }

  @Test
  void anythingElseIsBinary() {
    byte[] input = "facet normal 0 0 1\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(detect(input, true)).isEqualTo(StlFormat.BINARY);
  }
}
