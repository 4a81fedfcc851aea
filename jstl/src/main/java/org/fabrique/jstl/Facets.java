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
    if (!Float.isFinite(nx) || !Float.isFinite(ny) || !Float.isFinite(nz)) {
      return true;
    }
    if (nx == 0 && ny == 0 && nz == 0) {
      return false;
    }
    double ux = (double) c[o + 3] - c[o];
    double uy = (double) c[o + 4] - c[o + 1];
    double uz = (double) c[o + 5] - c[o + 2];
    double vx = (double) c[o + 6] - c[o];
    double vy = (double) c[o + 7] - c[o + 1];
    double vz = (double) c[o + 8] - c[o + 2];
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
