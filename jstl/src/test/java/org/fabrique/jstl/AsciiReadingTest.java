package org.fabrique.jstl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fabrique.jstl.StlBytes.FACET;
import static org.fabrique.jstl.StlBytes.ascii;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AsciiReadingTest {

  private static StlException failure(Reader reader, String text, StlLimits limits) {
    StlException fromRead = catchThrowableOfType(StlException.class,
        () -> reader.read(ascii(text), limits));
    StlException fromAnalyze = catchThrowableOfType(StlException.class,
        () -> reader.analyze(ascii(text), limits));
    assertThat(fromRead).as("reading fails").isNotNull();
    assertThat(fromAnalyze).as("analysing fails").isNotNull();
    assertThat(fromAnalyze.getMessage()).isEqualTo(fromRead.getMessage());
    return fromRead;
  }

  private static StlException failure(Reader reader, String text) {
    return failure(reader, text, StlLimits.defaults());
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void readsTheLayoutExportersWrite(Reader reader) throws StlException {
    String text = String.join("\n",
        "solid Part 1 (exported)",
        "  facet normal 0.000000e+00 0.000000e+00 -1.000000e+00",
        "    outer loop",
        "      vertex 0.000000e+00 0.000000e+00 0.000000e+00",
        "      vertex 0.000000e+00 1.000000e+01 0.000000e+00",
        "      vertex 1.000000e+01 1.000000e+01 0.000000e+00",
        "    endloop",
        "  endfacet",
        "endsolid Part 1 (exported)",
        "");

    TriangleMesh mesh = reader.read(ascii(text));

    assertThat(mesh.format()).isEqualTo(StlFormat.ASCII);
    assertThat(mesh.coordinates()).containsExactly(0, 0, 0, 0, 10, 0, 10, 10, 0);
    assertThat(mesh.normalMismatches()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void acceptsAnyCaseAnyWhitespaceAndSeveralSolids(Reader reader) throws StlException {
    String text = "\r\n  SOLID\r\n\tFACET NORMAL 0 0 -1\r\n\tOuter Loop\r\n"
        + "\t\tVERTEX +0 0 0\r\n\t\tvertex 0 1E0 0\r\n\t\tvertex 1.0 1. .0\r\n"
        + "\tENDLOOP\r\n\tendfacet\r\nendsolid\r\n"
        + "solid second\n facet normal 0 0 1 outer loop vertex 0 0 1 vertex 1 0 1 vertex 1 1 1"
        + " endloop endfacet endsolid second";

    TriangleMesh mesh = reader.read(ascii(text));

    assertThat(mesh.triangleCount()).isEqualTo(2);
    assertThat(mesh.coordinates())
        .containsExactly(0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1);
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void countsNormalsThatAreNanOrPointAgainstTheWindingAsDisagreeing(Reader reader)
      throws StlException {
    String text = "solid part\n"
        + FACET.replace("normal 0 0 -1", "normal nan nan nan")
        + FACET
        + FACET.replace("normal 0 0 -1", "normal 0 0 1")
        + FACET.replace("normal 0 0 -1", "normal 0 0 0")
        + "endsolid part\n";

    assertThat(reader.read(ascii(text)).normalMismatches()).isEqualTo(2);
    assertThat(reader.analyze(ascii(text)).normalMismatches()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAnInputOfWhitespaceOnly(Reader reader) {
    StlException e = failure(reader, " \n\t\r\n ");

    assertThat(e.error()).isEqualTo(StlError.EMPTY_FILE);
    assertThat(e).hasMessage("the input has only whitespace");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesASolidWithoutFacets(Reader reader) {
    StlException e = failure(reader, "solid empty\nendsolid empty\n");

    assertThat(e.error()).isEqualTo(StlError.NO_TRIANGLES);
    assertThat(e).hasMessage("the solid has no facet");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAMisspelledKeywordWithItsLineAndColumn(Reader reader) {
    StlException e = failure(reader, "solid part\n  facet normal 0 0 -1\n    outer lop\n");

    assertThat(e.error()).isEqualTo(StlError.UNEXPECTED_TOKEN);
    assertThat(e.line()).hasValue(3);
    assertThat(e.column()).hasValue(11);
    assertThat(e).hasMessage("line 3, column 11: expected 'loop', found 'lop'");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAFacetWithAFourthVertex(Reader reader) {
    String text = "solid part\n" + FACET.replace("    endloop", "      vertex 1 0 0\n    endloop");

    StlException e = failure(reader, text);

    assertThat(e.error()).isEqualTo(StlError.UNEXPECTED_TOKEN);
    assertThat(e).hasMessage("line 7, column 7: expected 'endloop', found 'vertex'");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAnUnknownWordBetweenFacets(Reader reader) {
    StlException e = failure(reader, "solid part\n" + FACET + "endsold part\n");

    assertThat(e.error()).isEqualTo(StlError.UNEXPECTED_TOKEN);
    assertThat(e).hasMessage("line 9, column 1: expected 'facet' or 'endsolid', found 'endsold'");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesTextAfterTheLastSolid(Reader reader) {
    StlException e = failure(reader, "solid part\n" + FACET + "endsolid part\n%%EOF\n");

    assertThat(e.error()).isEqualTo(StlError.UNEXPECTED_TOKEN);
    assertThat(e).hasMessage(
        "line 10, column 1: expected 'solid' or the end of the input, found '%%EOF'");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAnInputThatStopsInsideAFacet(Reader reader) {
    String text = "solid part\n  facet normal 0 0 -1\n    outer loop\n      vertex 0 0 0\n"
        + "      vertex 0 1 0\n      vertex 1 1 0\n";

    StlException e = failure(reader, text);

    assertThat(e.error()).isEqualTo(StlError.UNEXPECTED_END);
    assertThat(e.line()).hasValue(7);
    assertThat(e.column()).hasValue(1);
    assertThat(e).hasMessage("line 7, column 1: expected 'endloop', found the end of the input");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAnInputThatStopsBeforeEndsolid(Reader reader) {
    StlException e = failure(reader, "solid part\n" + FACET);

    assertThat(e.error()).isEqualTo(StlError.UNEXPECTED_END);
    assertThat(e).hasMessage(
        "line 9, column 1: expected 'facet' or 'endsolid', found the end of the input");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAMalformedNumberWithTheCoordinateItStandsFor(Reader reader) {
    String text = "solid part\n" + FACET.replace("vertex 0 1 0", "vertex 0 1,5 0");

    StlException e = failure(reader, text);

    assertThat(e.error()).isEqualTo(StlError.MALFORMED_NUMBER);
    assertThat(e).hasMessage("line 5, column 16: expected a number (vertex y), found '1,5'");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesANanVertexCoordinate(Reader reader) {
    String text = "solid part\n" + FACET.replace("vertex 0 0 0", "vertex nan 0 0");

    StlException e = failure(reader, text);

    assertThat(e.error()).isEqualTo(StlError.NON_FINITE_COORDINATE);
    assertThat(e).hasMessage(
        "line 4, column 14: vertex x of corner 0 is not a finite float: 'nan'");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAVertexCoordinateBeyondTheFloatRange(Reader reader) {
    String text = "solid part\n" + FACET.replace("vertex 1 1 0", "vertex 1 1 -4e38");

    StlException e = failure(reader, text);

    assertThat(e.error()).isEqualTo(StlError.NON_FINITE_COORDINATE);
    assertThat(e).hasMessage(
        "line 6, column 18: vertex z of corner 2 is not a finite float: '-4e38'");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesMoreFacetsThanTheConfiguredLimitAtTheFirstOneTooMany(Reader reader) {
    String text = "solid part\n" + FACET + FACET + "endsolid part\n";

    StlException e = failure(reader, text, new StlLimits(10_000, 1));

    assertThat(e.error()).isEqualTo(StlError.TOO_MANY_TRIANGLES);
    assertThat(e).hasMessage("line 9, column 3: more than the limit of 1 triangles");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAnInputLargerThanTheConfiguredLimit(Reader reader) {
    String text = "solid part\n" + FACET + "endsolid part\n";

    StlException e = failure(reader, text, new StlLimits(100, 10));

    assertThat(e.error()).isEqualTo(StlError.TOO_LARGE);
    assertThat(e.getMessage()).contains("more than the limit of 100 bytes");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesATokenLongerThanTheParserBuffer(Reader reader) {
    String text = "solid part\n  facet normal 0 0 " + "1".repeat(70_000) + "\n";

    StlException e = failure(reader, text);

    assertThat(e.error()).isEqualTo(StlError.UNEXPECTED_TOKEN);
    assertThat(e).hasMessage("line 2, column 20: a token longer than 65536 bytes");
  }
}
