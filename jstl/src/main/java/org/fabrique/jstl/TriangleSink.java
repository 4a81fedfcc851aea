package org.fabrique.jstl;

/**
 * Where a reader sends triangles: one consumer per range of the input, ranges read in parallel.
 * A reader that has to start over (see {@link AsciiStl}) asks its supplier for a fresh sink.
 */
interface TriangleSink<C extends TriangleConsumer> {

  /** Called once before any range: the number of triangles when known (binary), else -1. */
  void begin(long triangles);

  /**
   * The consumer of one range.
   *
   * @param firstTriangle index of the range's first triangle when known (binary), else -1
   * @param expectedTriangles how many triangles the range holds, or a guess
   */
  C range(int firstTriangle, int expectedTriangles);
}
