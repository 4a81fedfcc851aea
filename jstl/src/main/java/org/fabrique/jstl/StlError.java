package org.fabrique.jstl;

/**
 * Every way a reader can refuse an input. Each value has a stable kebab-case {@link #slug()} that
 * callers may store, match on or expose (for example as a problem-details type).
 */
public enum StlError {
  /** The input has no bytes at all (or, for text, only whitespace). */
  EMPTY_FILE("empty-file"),
  /** The input is well formed but holds no triangle: a binary header with a count of 0, or an ASCII solid without facets. */
  NO_TRIANGLES("no-triangles"),
  /** A binary input ends inside its 84-byte header or inside a triangle record. */
  TRUNCATED("truncated"),
  /** A binary header declares a number of triangles that disagrees with the whole triangles the input holds. */
  TRIANGLE_COUNT_MISMATCH("triangle-count-mismatch"),
  /** A binary input goes on after its last declared triangle with bytes that do not make a whole triangle. */
  TRAILING_BYTES("trailing-bytes"),
  /** The input is larger than {@link StlLimits#maxBytes()}. */
  TOO_LARGE("too-large"),
  /** The input declares or holds more triangles than {@link StlLimits#maxTriangles()}. */
  TOO_MANY_TRIANGLES("too-many-triangles"),
  /** A vertex coordinate is NaN or infinite (a binary NaN/Inf bit pattern, an ASCII {@code nan} or {@code inf} token, or a number beyond the float range). */
  NON_FINITE_COORDINATE("non-finite-coordinate"),
  /** ASCII: a token where a number was expected is not a decimal number. */
  MALFORMED_NUMBER("malformed-number"),
  /** ASCII: a keyword other than the one the grammar expects at that place. */
  UNEXPECTED_TOKEN("unexpected-token"),
  /** ASCII: the input ends before the solid is complete. */
  UNEXPECTED_END("unexpected-end"),
  /** The input could not be read (missing file, permission, device error). */
  READ_FAILED("read-failed");

  private final String slug;

  StlError(String slug) {
    this.slug = slug;
  }

  /** Stable kebab-case identifier of this error type. */
  public String slug() {
    return slug;
  }
}
