package org.fabrique.jstl;

/** Axis-aligned bounding box, in the file's units (millimetres by convention). */
public record BoundingBox(
    double minX, double minY, double minZ, double maxX, double maxY, double maxZ) {

  public double sizeX() {
    return maxX - minX;
  }

  public double sizeY() {
    return maxY - minY;
  }

  public double sizeZ() {
    return maxZ - minZ;
  }

  /** The largest of the three sizes. */
  public double largestSize() {
    return Math.max(sizeX(), Math.max(sizeY(), sizeZ()));
  }

  /**
   * Whether the box fits a build volume of {@code bedX × bedY × bedZ} in at least one of the six
   * axis-aligned orientations (the permutations of the axes). Touching the bed's bounds fits.
   */
  public boolean fitsWithin(double bedX, double bedY, double bedZ) {
    double x = sizeX();
    double y = sizeY();
    double z = sizeZ();
    return fits(x, y, z, bedX, bedY, bedZ)
        || fits(x, z, y, bedX, bedY, bedZ)
        || fits(y, x, z, bedX, bedY, bedZ)
        || fits(y, z, x, bedX, bedY, bedZ)
        || fits(z, x, y, bedX, bedY, bedZ)
        || fits(z, y, x, bedX, bedY, bedZ);
  }

  private static boolean fits(double a, double b, double c, double bedX, double bedY, double bedZ) {
    return a <= bedX && b <= bedY && c <= bedZ;
  }
}
