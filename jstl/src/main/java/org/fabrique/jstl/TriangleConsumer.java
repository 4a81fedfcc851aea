package org.fabrique.jstl;

/** Receives the triangles a reader decodes, in file order within one range of the input. */
interface TriangleConsumer {

  /**
   * One triangle: corners {@code c[0..9)} (finite; the array is reused by the caller) and the
   * stored facet normal (any value, possibly NaN).
   */
  void accept(float[] c, float nx, float ny, float nz) throws StlException;

  /** Called once the range has no more triangles, so that working memory can be released. */
  default void finish() {}
}
