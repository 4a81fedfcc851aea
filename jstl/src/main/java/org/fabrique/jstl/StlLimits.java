package org.fabrique.jstl;

/**
 * Upper bounds a reader enforces before it allocates anything in proportion to its input.
 *
 * @param maxBytes largest input accepted, in bytes
 * @param maxTriangles largest number of triangles accepted (declared by a binary header or found in
 *     an ASCII file)
 */
public record StlLimits(long maxBytes, int maxTriangles) {

  /** 1 GiB. */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;

  /** 20 million triangles: about 1 GB of binary STL, about 720 MB of coordinates in memory. */
  public static final int DEFAULT_MAX_TRIANGLES = 20_000_000;

  /** The most triangles a {@link TriangleMesh} can hold (nine floats each in one Java array). */
  public static final int MAX_SUPPORTED_TRIANGLES = (Integer.MAX_VALUE - 8) / 9;

  public StlLimits {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    if (maxTriangles <= 0 || maxTriangles > MAX_SUPPORTED_TRIANGLES) {
      throw new IllegalArgumentException("maxTriangles must be between 1 and "
          + MAX_SUPPORTED_TRIANGLES + ", was " + maxTriangles);
    }
  }

  public static StlLimits defaults() {
    return new StlLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_TRIANGLES);
  }
}
