package org.fabrique.jstl;

/** Closed, consistently oriented meshes for tests, examples and benchmarks. */
public final class Shapes {

  private Shapes() {}

  /** An axis-aligned box from the origin to {@code (sizeX, sizeY, sizeZ)}: 12 triangles, outward. */
  public static TriangleMesh box(float sizeX, float sizeY, float sizeZ) {
    float[][] p = new float[8][];
    for (int i = 0; i < 8; i++) {
      p[i] = new float[] {(i & 1) == 0 ? 0 : sizeX, (i & 2) == 0 ? 0 : sizeY,
          (i & 4) == 0 ? 0 : sizeZ};
    }
    int[][] faces = {
      {0, 2, 3, 1}, // z = 0, seen from below
      {4, 5, 7, 6}, // z = max
      {0, 1, 5, 4}, // y = 0
      {2, 6, 7, 3}, // y = max
      {0, 4, 6, 2}, // x = 0
      {1, 3, 7, 5}, // x = max
    };
    float[] c = new float[12 * 9];
    int o = 0;
    for (int[] f : faces) {
      for (int[] triangle : new int[][] {{f[0], f[1], f[2]}, {f[0], f[2], f[3]}}) {
        for (int corner : triangle) {
          c[o++] = p[corner][0];
          c[o++] = p[corner][1];
          c[o++] = p[corner][2];
        }
      }
    }
    return new TriangleMesh(c, StlFormat.BINARY, 0);
  }

  /**
   * A torus around the z axis centred on the origin, {@code 2 × ringSegments × tubeSegments}
   * triangles, outward. Seam vertices are shared exactly, so it welds to {@code ringSegments ×
   * tubeSegments} vertices.
   */
  public static TriangleMesh torus(
      int ringSegments, int tubeSegments, double majorRadius, double minorRadius) {
    if (ringSegments < 3 || tubeSegments < 3) {
      throw new IllegalArgumentException("a torus needs at least 3 segments each way");
    }
    if (!(minorRadius > 0 && majorRadius > minorRadius)) {
      throw new IllegalArgumentException("need 0 < minorRadius < majorRadius");
    }
    long triangles = 2L * ringSegments * tubeSegments;
    if (triangles > StlLimits.MAX_SUPPORTED_TRIANGLES) {
      throw new IllegalArgumentException(triangles + " triangles is too many for one mesh");
    }
    float[] grid = new float[ringSegments * tubeSegments * 3];
    for (int i = 0; i < ringSegments; i++) {
      double u = 2 * Math.PI * i / ringSegments;
      for (int j = 0; j < tubeSegments; j++) {
        double v = 2 * Math.PI * j / tubeSegments;
        double radius = majorRadius + minorRadius * Math.cos(v);
        int g = (i * tubeSegments + j) * 3;
        grid[g] = (float) (radius * Math.cos(u));
        grid[g + 1] = (float) (radius * Math.sin(u));
        grid[g + 2] = (float) (minorRadius * Math.sin(v));
      }
    }
    float[] c = new float[(int) triangles * 9];
    int o = 0;
    for (int i = 0; i < ringSegments; i++) {
      int nextI = (i + 1) % ringSegments;
      for (int j = 0; j < tubeSegments; j++) {
        int nextJ = (j + 1) % tubeSegments;
        int a = i * tubeSegments + j;
        int b = nextI * tubeSegments + j;
        int d = nextI * tubeSegments + nextJ;
        int e = i * tubeSegments + nextJ;
        for (int corner : new int[] {a, b, d, a, d, e}) {
          System.arraycopy(grid, corner * 3, c, o, 3);
          o += 3;
        }
      }
    }
    return new TriangleMesh(c, StlFormat.BINARY, 0);
  }
}
