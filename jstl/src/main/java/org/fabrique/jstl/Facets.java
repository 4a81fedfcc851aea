package org.fabrique.jstl;

/** Facet-level checks shared by the binary and ASCII readers. */
final class Facets {

  private Facets() {}

  /**
   * Whether a stored facet normal contradicts the winding of corners {@code c[o..o+9)}: it is not
   * finite, or it points into the half-space opposite the right-hand-rule normal. A zero normal
   * (which the format reserves for "not given") and a degenerate triangle contradict nothing.
   */
  static boolean normalDisagrees(float nx, float ny, float nz, float[] c, int o) {
    return normalDisagrees(nx, ny, nz, c[o], c[o + 1], c[o + 2], c[o + 3], c[o + 4], c[o + 5],
        c[o + 6], c[o + 7], c[o + 8]);
  }

  /** {@link #normalDisagrees(float, float, float, float[], int)} with the corners as arguments. */
  static boolean normalDisagrees(float nx, float ny, float nz, float x0, float y0, float z0,
      float x1, float y1, float z1, float x2, float y2, float z2) {
    if (!Float.isFinite(nx) || !Float.isFinite(ny) || !Float.isFinite(nz)) {
      return true;
    }
    if (nx == 0 && ny == 0 && nz == 0) {
      return false;
    }
    double ux = (double) x1 - x0;
    double uy = (double) y1 - y0;
    double uz = (double) z1 - z0;
    double vx = (double) x2 - x0;
    double vy = (double) y2 - y0;
    double vz = (double) z2 - z0;
    double cx = uy * vz - uz * vy;
    double cy = uz * vx - ux * vz;
    double cz = ux * vy - uy * vx;
    if (cx == 0 && cy == 0 && cz == 0) {
      return false;
    }
    return cx * nx + cy * ny + cz * nz <= 0;
  }

  /** Axis name for messages. */
  static char axis(int axis) {
    return (char) ('x' + axis);
  }
}
