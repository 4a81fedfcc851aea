package org.fabrique.jstl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

class MeshAnalysisTest {

  private static final TriangleMesh UNIT_CUBE = Shapes.box(1, 1, 1);

  /** Outward tetrahedron on the origin and the three unit points. */
  private static final TriangleMesh TETRAHEDRON = TriangleMesh.of(new float[] {
    0, 0, 0, 0, 1, 0, 1, 0, 0,
    0, 0, 0, 1, 0, 0, 0, 0, 1,
    0, 0, 0, 0, 0, 1, 0, 1, 0,
    1, 0, 0, 0, 1, 0, 0, 0, 1,
  });

  private static TriangleMesh transformed(TriangleMesh mesh, Transform transform) {
    float[] c = mesh.coordinates();
    transform.apply(c);
    return TriangleMesh.of(c);
  }

  private interface Transform {
    void apply(float[] coordinates);
  }

  private static TriangleMesh reversed(TriangleMesh mesh) {
    return transformed(mesh, c -> {
      for (int o = 0; o < c.length; o += 9) {
        for (int axis = 0; axis < 3; axis++) {
          float swap = c[o + 3 + axis];
          c[o + 3 + axis] = c[o + 6 + axis];
          c[o + 6 + axis] = swap;
        }
      }
    });
  }

  private static TriangleMesh withoutTriangle(TriangleMesh mesh, int triangle) {
    float[] c = mesh.coordinates();
    float[] fewer = new float[c.length - 9];
    System.arraycopy(c, 0, fewer, 0, triangle * 9);
    System.arraycopy(c, triangle * 9 + 9, fewer, triangle * 9, c.length - triangle * 9 - 9);
    return TriangleMesh.of(fewer);
  }

  private static TriangleMesh plus(TriangleMesh mesh, float... triangles) {
    float[] c = mesh.coordinates();
    float[] more = Arrays.copyOf(c, c.length + triangles.length);
    System.arraycopy(triangles, 0, more, c.length, triangles.length);
    return TriangleMesh.of(more);
  }

  /** A torus whose coordinates are multiples of 1/1024, so that translating it is exact. */
  private static TriangleMesh dyadicTorus() {
    return transformed(Shapes.torus(120, 60, 50, 15), c -> {
      for (int i = 0; i < c.length; i++) {
        c[i] = Math.round(c[i] * 1024) / 1024f;
      }
    });
  }

  @Test
  void measuresTheUnitCube() {
    MeshReport report = Stl.analyze(UNIT_CUBE);

    assertThat(report.triangles()).isEqualTo(12);
    assertThat(report.vertices()).isEqualTo(8);
    assertThat(report.bbox()).isEqualTo(new BoundingBox(0, 0, 0, 1, 1, 1));
    assertThat(report.area()).isEqualTo(6.0);
    assertThat(report.volume()).isEqualTo(1.0);
    assertThat(report.watertight()).isTrue();
    assertThat(report.consistentlyOriented()).isTrue();
    assertThat(report.boundaryEdges()).isZero();
    assertThat(report.nonManifoldEdges()).isZero();
    assertThat(report.misorientedEdges()).isZero();
    assertThat(report.degenerateTriangles()).isZero();
    assertThat(report.shells()).isEqualTo(1);
  }

  @Test
  void measuresATetrahedron() {
    MeshReport report = Stl.analyze(TETRAHEDRON);

    assertThat(report.vertices()).isEqualTo(4);
    assertThat(report.volume()).isCloseTo(1.0 / 6, within(1e-15));
    assertThat(report.area()).isCloseTo(1.5 + Math.sqrt(3) / 2, within(1e-15));
    assertThat(report.watertight()).isTrue();
    assertThat(report.consistentlyOriented()).isTrue();
  }

  @Test
  void computesTheVolumeOfAClosedMeshToTheExactSumWithinOnePartInABillion() {
    TriangleMesh torus = Shapes.torus(200, 100, 50, 15);
    float[] c = torus.coordinates();
    BigDecimal sixTimesVolume = BigDecimal.ZERO;
    for (int o = 0; o < c.length; o += 9) {
      BigDecimal[] p = new BigDecimal[9];
      for (int k = 0; k < 9; k++) {
        p[k] = new BigDecimal(c[o + k]);
      }
      BigDecimal cross0 = p[4].multiply(p[8]).subtract(p[5].multiply(p[7]));
      BigDecimal cross1 = p[5].multiply(p[6]).subtract(p[3].multiply(p[8]));
      BigDecimal cross2 = p[3].multiply(p[7]).subtract(p[4].multiply(p[6]));
      sixTimesVolume = sixTimesVolume.add(p[0].multiply(cross0))
          .add(p[1].multiply(cross1)).add(p[2].multiply(cross2));
    }
    double exact = sixTimesVolume.doubleValue() / 6;

    assertThat(Stl.analyze(torus).volume()).isCloseTo(exact, withinPercentage(1e-7));
  }

  @Test
  void volumeDoesNotDependOnWhereThePartSits() {
    TriangleMesh torus = dyadicTorus();
    TriangleMesh moved = transformed(torus, c -> {
      for (int o = 0; o < c.length; o += 3) {
        c[o] += 1000;
        c[o + 1] -= 3000;
        c[o + 2] += 250;
      }
    });

    MeshReport original = Stl.analyze(torus);
    MeshReport translated = Stl.analyze(moved);

    assertThat(translated.volume()).isCloseTo(original.volume(), withinPercentage(1e-7));
    assertThat(translated.area()).isCloseTo(original.area(), withinPercentage(1e-7));
    assertThat(translated.bbox().minX()).isEqualTo(original.bbox().minX() + 1000);
  }

  @Test
  void reversingEveryTriangleNegatesTheVolume() {
    TriangleMesh torus = dyadicTorus();

    MeshReport original = Stl.analyze(torus);
    MeshReport insideOut = Stl.analyze(reversed(torus));

    assertThat(original.volume()).isPositive();
    assertThat(insideOut.volume()).isCloseTo(-original.volume(), withinPercentage(1e-9));
    assertThat(insideOut.watertight()).isTrue();
    assertThat(insideOut.consistentlyOriented()).isTrue();
  }

  @Test
  void removingOneTriangleLeavesExactlyThreeBoundaryEdges() {
    MeshReport report = Stl.analyze(withoutTriangle(UNIT_CUBE, 5));

    assertThat(report.boundaryEdges()).isEqualTo(3);
    assertThat(report.watertight()).isFalse();
    assertThat(report.consistentlyOriented()).isTrue();
    assertThat(report.nonManifoldEdges()).isZero();
  }

  @Test
  void flippingOneTriangleMisorientsItsThreeEdges() {
    float[] c = UNIT_CUBE.coordinates();
    for (int axis = 0; axis < 3; axis++) {
      float swap = c[3 + axis];
      c[3 + axis] = c[6 + axis];
      c[6 + axis] = swap;
    }

    MeshReport report = Stl.analyze(TriangleMesh.of(c));

    assertThat(report.misorientedEdges()).isEqualTo(3);
    assertThat(report.consistentlyOriented()).isFalse();
    assertThat(report.watertight()).isTrue();
  }

  @Test
  void aFinOnAnEdgeMakesThatEdgeNonManifold() {
    // the cube's edge from (0,0,0) to (1,0,0) gets a third triangle
    MeshReport report = Stl.analyze(plus(UNIT_CUBE, 0, 0, 0, 1, 0, 0, 0.5f, -1, -1));

    assertThat(report.nonManifoldEdges()).isEqualTo(1);
    assertThat(report.boundaryEdges()).isEqualTo(2);
    assertThat(report.watertight()).isFalse();
  }

  @Test
  void countsTrianglesOfZeroAreaAsDegenerate() {
    TriangleMesh mesh = plus(UNIT_CUBE,
        0, 0, 0, 0, 0, 0, 1, 1, 1, // a repeated corner
        0, 0, 0, 0.5f, 0.5f, 0.5f, 1, 1, 1); // three corners on a line

    MeshReport report = Stl.analyze(mesh);

    assertThat(report.degenerateTriangles()).isEqualTo(2);
    assertThat(report.area()).isEqualTo(6.0);
    assertThat(report.volume()).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void weldsNegativeZeroWithZero() {
    float[] c = UNIT_CUBE.coordinates();
    for (int i = 0; i < c.length; i += 2) {
      if (c[i] == 0) {
        c[i] = -0.0f;
      }
    }

    MeshReport report = Stl.analyze(TriangleMesh.of(c));

    assertThat(report.vertices()).isEqualTo(8);
    assertThat(report.watertight()).isTrue();
  }

  @Test
  void doesNotWeldCornersThatDifferInTheLastBit() {
    float[] c = UNIT_CUBE.coordinates();
    c[3] = Math.nextUp(c[3]);

    MeshReport report = Stl.analyze(TriangleMesh.of(c));

    assertThat(report.vertices()).isEqualTo(9);
    assertThat(report.watertight()).isFalse();
  }

  @Test
  void countsSeparatePartsAsShells() {
    TriangleMesh second = transformed(UNIT_CUBE, c -> {
      for (int o = 0; o < c.length; o += 3) {
        c[o] += 5;
      }
    });
    float[] both = Arrays.copyOf(UNIT_CUBE.coordinates(), 2 * 12 * 9);
    System.arraycopy(second.coordinates(), 0, both, 12 * 9, 12 * 9);

    MeshReport report = Stl.analyze(TriangleMesh.of(both));

    assertThat(report.shells()).isEqualTo(2);
    assertThat(report.vertices()).isEqualTo(16);
    assertThat(report.volume()).isEqualTo(2.0);
  }

  @Test
  void aLargeTorusWeldsToItsGridAndClosesOnItself() {
    MeshReport report = Stl.analyze(Shapes.torus(400, 150, 60, 20));

    assertThat(report.triangles()).isEqualTo(120_000);
    assertThat(report.vertices()).isEqualTo(60_000);
    assertThat(report.watertight()).isTrue();
    assertThat(report.consistentlyOriented()).isTrue();
    assertThat(report.shells()).isEqualTo(1);
    assertThat(report.volume()).isCloseTo(2 * Math.PI * Math.PI * 60 * 20 * 20, withinPercentage(0.1));
    assertThat(report.area()).isCloseTo(4 * Math.PI * Math.PI * 60 * 20, withinPercentage(0.1));
  }

  @Test
  void asciiAndBinaryOfTheSameMeshAgree() throws StlException {
    TriangleMesh torus = Shapes.torus(300, 40, 50, 15);

    TriangleMesh fromBinary = Reader.FILE.read(StlBytes.binaryOf(torus));
    TriangleMesh fromAscii = Reader.FILE.read(StlBytes.asciiOf(torus));

    assertThat(fromAscii.coordinates()).isEqualTo(fromBinary.coordinates());
    MeshReport binary = Stl.analyze(fromBinary);
    MeshReport ascii = Stl.analyze(fromAscii);
    assertThat(ascii.format()).isEqualTo(StlFormat.ASCII);
    assertThat(ascii).usingRecursiveComparison().ignoringFields("format").isEqualTo(binary);
  }

  /** Equal but for the last bits of sums taken in another order (other ranges). */
  private static final Comparator<Double> SAME_FLOAT =
      Comparator.comparingDouble(d -> (float) (double) d);

  @Test
  void analysingABinaryFileWhileReadingGivesTheSameReportAsReadingThenAnalysing()
      throws StlException {
    byte[] input = StlBytes.binaryOf(Shapes.torus(400, 200, 50, 15));
    MeshReport twoSteps = Stl.analyze(Reader.FILE.read(input));

    assertThat(Reader.FILE.analyze(input)).isEqualTo(twoSteps);
    assertThat(Reader.STREAM.analyze(input)).usingRecursiveComparison()
        .withComparatorForType(SAME_FLOAT, Double.class).isEqualTo(twoSteps);
  }

  @Test
  void analysingAnAsciiFileWhileReadingGivesTheSameReportAsReadingThenAnalysing()
      throws StlException {
    byte[] input = StlBytes.asciiOf(Shapes.torus(200, 100, 50, 15));
    MeshReport twoSteps = Stl.analyze(Reader.FILE.read(input));

    for (Reader reader : Reader.values()) {
      assertThat(reader.analyze(input)).usingRecursiveComparison()
          .withComparatorForType(SAME_FLOAT, Double.class).isEqualTo(twoSteps);
    }
  }

  @Test
  void aStreamWithALyingCountIsRefusedWithoutReadingAheadOfItsBytes() {
    byte[] input = StlBytes.binary("part", 19_000_000, StlBytes.triangle(0, 0, 0, 1, 0, 0, 0, 1, 0));

    StlException e = org.assertj.core.api.Assertions.catchThrowableOfType(StlException.class,
        () -> Stl.analyze(new ByteArrayInputStream(input), StlLimits.defaults()));

    assertThat(e.error()).isEqualTo(StlError.TRIANGLE_COUNT_MISMATCH);
    assertThat(e).hasMessage(
        "byte offset 80: the header declares 19000000 triangles but the input holds 1 (134 bytes)");
  }
}
