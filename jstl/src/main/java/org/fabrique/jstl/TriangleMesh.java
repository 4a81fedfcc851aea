package org.fabrique.jstl;

import java.util.Arrays;

/**
 * A triangle soup as read from an STL file: nine floats per triangle (three corners, x y z each) in
 * one flat array, no per-triangle objects. Immutable.
 *
 * <p>Facet normals are not kept (they are redundant with the winding): the reader counts those
 * that disagree with the winding, and the writers recompute them.
 */
public final class TriangleMesh {

  private final float[] coordinates;
  private final StlFormat format;
  private final long normalMismatches;

  TriangleMesh(float[] coordinates, StlFormat format, long normalMismatches) {
    this.coordinates = coordinates;
    this.format = format;
    this.normalMismatches = normalMismatches;
  }

  /**
   * A mesh from nine coordinates per triangle: {@code x0 y0 z0 x1 y1 z1 x2 y2 z2}, corners in
   * counter-clockwise order seen from outside. The array is copied. Its format is {@link
   * StlFormat#BINARY}, the format {@link Stl#writeBinary} gives it.
   *
   * @throws IllegalArgumentException if the length is not a multiple of nine or a coordinate is
   *     not finite
   */
  public static TriangleMesh of(float[] vertexCoords9PerTriangle) {
    if (vertexCoords9PerTriangle.length % 9 != 0) {
      throw new IllegalArgumentException(
          "expected nine coordinates per triangle, got " + vertexCoords9PerTriangle.length);
    }
    for (int i = 0; i < vertexCoords9PerTriangle.length; i++) {
      if (!Float.isFinite(vertexCoords9PerTriangle[i])) {
        throw new IllegalArgumentException(
            "coordinate " + (i % 9) + " of triangle " + (i / 9) + " is not finite: "
                + vertexCoords9PerTriangle[i]);
      }
    }
    return new TriangleMesh(vertexCoords9PerTriangle.clone(), StlFormat.BINARY, 0);
  }

  /** The encoding of the file this mesh was read from. */
  public StlFormat format() {
    return format;
  }

  public int triangleCount() {
    return coordinates.length / 9;
  }

  /**
   * One coordinate.
   *
   * @param triangle index from 0
   * @param corner 0, 1 or 2
   * @param axis 0 (x), 1 (y) or 2 (z)
   */
  public float coordinate(int triangle, int corner, int axis) {
    if (corner < 0 || corner > 2 || axis < 0 || axis > 2) {
      throw new IndexOutOfBoundsException("corner " + corner + ", axis " + axis);
    }
    return coordinates[triangle * 9 + corner * 3 + axis];
  }

  /** A copy of the nine-per-triangle coordinates. */
  public float[] coordinates() {
    return coordinates.clone();
  }

  /** Number of triangles whose stored facet normal disagreed with their winding when read. */
  public long normalMismatches() {
    return normalMismatches;
  }

  /** The coordinates themselves, for this package's readers, writers and analysis. Never modified. */
  float[] coordinateArray() {
    return coordinates;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TriangleMesh mesh && Arrays.equals(coordinates, mesh.coordinates);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(coordinates);
  }

  @Override
  public String toString() {
    return "TriangleMesh[" + triangleCount() + " triangles, " + format + "]";
  }
}
