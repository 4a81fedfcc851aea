package org.fabrique.jstl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Files large enough to be parsed in parallel ranges (more than 4 MB). */
class LargeAsciiReadingTest {

  private static TriangleMesh torus;
  private static String text;

  @BeforeAll
  static void writeALargeAsciiFile() {
    torus = Shapes.torus(300, 80, 50, 15);
    text = new String(StlBytes.asciiOf(torus), StandardCharsets.US_ASCII);
    assertThat(text.length()).isGreaterThan(2 * (4 << 20));
  }

  @Test
  void readsEveryFacetInOrder() throws StlException {
    TriangleMesh read = Reader.FILE.read(StlBytes.ascii(text));

    assertThat(read.coordinates()).isEqualTo(torus.coordinates());
  }

  @Test
  void reportsTheLineOfAnErrorDeepInsideTheFile() {
    int at = text.indexOf("outer loop", text.length() * 2 / 3);
    String broken = text.substring(0, at) + "outer lop" + text.substring(at + "outer loop".length());
    long line = broken.substring(0, at).chars().filter(c -> c == '\n').count() + 1;

    StlException e = catchThrowableOfType(StlException.class,
        () -> Reader.FILE.read(StlBytes.ascii(broken)));

    assertThat(e.error()).isEqualTo(StlError.UNEXPECTED_TOKEN);
    assertThat(e.line()).hasValue(line);
    assertThat(e).hasMessage("line " + line + ", column 11: expected 'loop', found 'lop'");
  }

  @Test
  void readsSolidNamesFullOfTheWordEndfacetWhereARangeMightBeCut() throws StlException {
    String name = "endfacet facet ".repeat(600_000);
    int half = text.indexOf("  facet", text.length() / 2);
    String twoSolids = text.substring(0, half) + "endsolid first\nsolid " + name + "\n"
        + text.substring(half);

    TriangleMesh read = Reader.FILE.read(StlBytes.ascii(twoSolids));

    assertThat(read.coordinates()).isEqualTo(torus.coordinates());
  }
}
