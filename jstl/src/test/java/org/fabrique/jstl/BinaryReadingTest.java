package org.fabrique.jstl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.fabrique.jstl.StlBytes.binary;
import static org.fabrique.jstl.StlBytes.concat;
import static org.fabrique.jstl.StlBytes.triangle;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BinaryReadingTest {

  private static final float[] FIRST = triangle(0, 0, 0, 1, 0, 0, 0, 1, 0);
  private static final float[] SECOND = triangle(0, 0, 0, 0, 1, 0, 0, 0, 1);

  private static StlException failure(Reader reader, byte[] input, StlLimits limits) {
    StlException fromRead = catchThrowableOfType(StlException.class,
        () -> reader.read(input, limits));
    StlException fromAnalyze = catchThrowableOfType(StlException.class,
        () -> reader.analyze(input, limits));
    assertThat(fromRead).as("reading fails").isNotNull();
    assertThat(fromAnalyze).as("analysing fails").isNotNull();
    assertThat(fromAnalyze.getMessage()).isEqualTo(fromRead.getMessage());
    return fromRead;
  }

  private static StlException failure(Reader reader, byte[] input) {
    return failure(reader, input, StlLimits.defaults());
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void readsTheCoordinatesOfEveryTriangle(Reader reader) throws StlException {
    TriangleMesh mesh = reader.read(binary("part", 2, FIRST, SECOND));

    assertThat(mesh.format()).isEqualTo(StlFormat.BINARY);
    assertThat(mesh.triangleCount()).isEqualTo(2);
    assertThat(mesh.coordinates())
        .containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1);
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void readsABinaryFileWhoseHeaderBeginsWithSolid(Reader reader) throws StlException {
    byte[] input = binary("solid exported by a CAD tool", 1, FIRST);

    assertThat(reader.read(input).format()).isEqualTo(StlFormat.BINARY);
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAnEmptyInput(Reader reader) {
    StlException e = failure(reader, new byte[0]);

    assertThat(e.error()).isEqualTo(StlError.EMPTY_FILE);
    assertThat(e).hasMessage("the input is empty");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAHeaderCutShort(Reader reader) {
    StlException e = failure(reader, new byte[40]);

    assertThat(e.error()).isEqualTo(StlError.TRUNCATED);
    assertThat(e.byteOffset()).hasValue(40);
    assertThat(e).hasMessage(
        "byte offset 40: the input ends after 40 bytes, inside the 84-byte binary header");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAHeaderThatDeclaresNoTriangle(Reader reader) {
    StlException e = failure(reader, binary("empty", 0));

    assertThat(e.error()).isEqualTo(StlError.NO_TRIANGLES);
    assertThat(e).hasMessage("byte offset 80: the header declares 0 triangles");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAFileCutInsideATriangleWithItsIndexAndOffset(Reader reader) {
    byte[] whole = binary("part", 2, FIRST, SECOND);
    byte[] cut = Arrays.copyOf(whole, whole.length - 20);

    StlException e = failure(reader, cut);

    assertThat(e.error()).isEqualTo(StlError.TRUNCATED);
    assertThat(e.triangleIndex()).hasValue(1);
    assertThat(e.byteOffset()).hasValue(134);
    assertThat(e.getMessage()).startsWith(
        "triangle 1 (byte offset 134): the input ends 30 bytes into this 50-byte triangle;");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesACountThatDisagreesWithTheWholeTrianglesPresent(Reader reader) {
    StlException e = failure(reader, binary("part", 3, FIRST, SECOND));

    assertThat(e.error()).isEqualTo(StlError.TRIANGLE_COUNT_MISMATCH);
    assertThat(e).hasMessage(
        "byte offset 80: the header declares 3 triangles but the input holds 2 (184 bytes)");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesACountOfZeroInFrontOfRealTriangles(Reader reader) {
    StlException e = failure(reader, binary("part", 0, FIRST, SECOND));

    assertThat(e.error()).isEqualTo(StlError.TRIANGLE_COUNT_MISMATCH);
    assertThat(e).hasMessage(
        "byte offset 80: the header declares 0 triangles but the input holds 2 (184 bytes)");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesBytesAfterTheLastTriangle(Reader reader) {
    byte[] input = concat(binary("part", 1, FIRST), new byte[] {'\n', 0, 0});

    StlException e = failure(reader, input);

    assertThat(e.error()).isEqualTo(StlError.TRAILING_BYTES);
    assertThat(e.byteOffset()).hasValue(134);
    assertThat(e).hasMessage("byte offset 134: 3 bytes follow the last of the 1 declared"
        + " triangles, not a whole number of 50-byte triangles");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesANaNCoordinateWithItsTriangleAndOffset(Reader reader) {
    float[] broken = triangle(0, 0, 0, 1, Float.NaN, 0, 0, 1, 0);

    StlException e = failure(reader, binary("part", 2, FIRST, broken));

    assertThat(e.error()).isEqualTo(StlError.NON_FINITE_COORDINATE);
    assertThat(e.triangleIndex()).hasValue(1);
    assertThat(e.byteOffset()).hasValue(84 + 50 + 12 + 16);
    assertThat(e).hasMessage("triangle 1 (byte offset 162): y of corner 1 is NaN");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAnInfiniteCoordinate(Reader reader) {
    float[] broken = triangle(0, 0, 0, 1, 0, 0, 0, 1, Float.NEGATIVE_INFINITY);

    StlException e = failure(reader, binary("part", 1, broken));

    assertThat(e.error()).isEqualTo(StlError.NON_FINITE_COORDINATE);
    assertThat(e).hasMessage("triangle 0 (byte offset 128): z of corner 2 is -Infinity");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAnAbsurdCountBeforeAllocatingAnything(Reader reader) {
    byte[] input = binary("part", 0xFFFF_FFFFL, FIRST);

    StlException e = failure(reader, input);

    assertThat(e.error()).isEqualTo(StlError.TOO_MANY_TRIANGLES);
    assertThat(e).hasMessage("byte offset 80: the header declares 4294967295 triangles, more"
        + " than the limit of 20000000");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesMoreTrianglesThanTheConfiguredLimit(Reader reader) {
    StlException e = failure(reader, binary("part", 2, FIRST, SECOND), new StlLimits(1000, 1));

    assertThat(e.error()).isEqualTo(StlError.TOO_MANY_TRIANGLES);
    assertThat(e).hasMessage(
        "byte offset 80: the header declares 2 triangles, more than the limit of 1");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAnInputLargerThanTheConfiguredLimit(Reader reader) {
    StlException e = failure(reader, binary("part", 2, FIRST, SECOND), new StlLimits(150, 10));

    assertThat(e.error()).isEqualTo(StlError.TOO_LARGE);
    assertThat(e.getMessage()).contains("more than the limit of 150 bytes")
        .startsWith("the input has ");
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void countsStoredNormalsThatPointAgainstTheWinding(Reader reader) throws StlException {
    float[] agreeing = {0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0};
    float[] opposed = {0, 0, -1, 0, 0, 0, 1, 0, 0, 0, 1, 0};
    float[] notGiven = triangle(0, 0, 0, 1, 0, 0, 0, 1, 0);
    float[] notANumber = {Float.NaN, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0};
    byte[] input = binary("part", 4, agreeing, opposed, notGiven, notANumber);

    assertThat(reader.read(input).normalMismatches()).isEqualTo(2);
    assertThat(reader.analyze(input).normalMismatches()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void readsALargeFileInParallelWindowsInOrder(Reader reader) throws StlException {
    TriangleMesh torus = Shapes.torus(300, 250, 50, 10);

    TriangleMesh read = reader.read(StlBytes.binaryOf(torus));

    assertThat(read.coordinates()).isEqualTo(torus.coordinates());
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void reportsTheFirstBadTriangleOfALargeFileReadInParallel(Reader reader) {
    byte[] input = StlBytes.binaryOf(Shapes.torus(300, 250, 50, 10));
    for (int triangle : new int[] {140_000, 90_001}) {
      int offset = 84 + 50 * triangle + 12 + 4;
      input[offset + 2] = (byte) 0xc0;
      input[offset + 3] = (byte) 0x7f;
    }

    StlException e = failure(reader, input);

    assertThat(e.error()).isEqualTo(StlError.NON_FINITE_COORDINATE);
    assertThat(e.triangleIndex()).hasValue(90_001);
  }

  @ParameterizedTest
  @EnumSource(Reader.class)
  void refusesAMissingFileWithAReadError(Reader reader) {
    StlException e = catchThrowableOfType(StlException.class,
        () -> Stl.read(java.nio.file.Path.of("no", "such", "part.stl")));

    assertThat(e.error()).isEqualTo(StlError.READ_FAILED);
    assertThat(e.getMessage()).startsWith("no such file: ");
  }
}
