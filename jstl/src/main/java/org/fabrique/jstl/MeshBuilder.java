package org.fabrique.jstl;

import java.util.ArrayList;
import java.util.List;

/** Collects triangles into a {@link TriangleMesh}. */
final class MeshBuilder implements TriangleSink<TriangleConsumer> {

  private float[] coordinates;
  private final List<TriangleConsumer> ranges = new ArrayList<>();

  @Override
  public void begin(long triangles) {
    if (triangles >= 0) {
      coordinates = new float[Math.toIntExact(triangles * 9)];
    }
  }

  @Override
  public synchronized TriangleConsumer range(int firstTriangle, int expectedTriangles) {
    TriangleConsumer range = coordinates != null && firstTriangle >= 0
        ? new ArrayRange(coordinates, firstTriangle)
        : new TriangleBuffer();
    ranges.add(range);
    return range;
  }

  /** The mesh, from the consumers in range order (as the reader returned them). */
  static TriangleMesh build(List<? extends TriangleConsumer> inOrder, StlFormat format) {
    float[] coordinates = null;
    long mismatches = 0;
    List<TriangleBuffer> buffers = new ArrayList<>();
    for (TriangleConsumer range : inOrder) {
      if (range instanceof ArrayRange array) {
        coordinates = array.coordinates;
        mismatches += array.normalMismatches;
      } else {
        TriangleBuffer buffer = (TriangleBuffer) range;
        mismatches += buffer.normalMismatches();
        buffers.add(buffer);
      }
    }
    float[] all = coordinates != null ? coordinates : TriangleBuffer.concatenate(buffers);
    return new TriangleMesh(all, format, mismatches);
  }

  /** Writes a range's triangles in place in the mesh's array. */
  private static final class ArrayRange implements TriangleConsumer {
    private final float[] coordinates;
    private int position;
    long normalMismatches;

    ArrayRange(float[] coordinates, int firstTriangle) {
      this.coordinates = coordinates;
      this.position = firstTriangle * 9;
    }

    @Override
    public void accept(float[] c, float nx, float ny, float nz) {
      System.arraycopy(c, 0, coordinates, position, 9);
      position += 9;
      if (Facets.normalDisagrees(nx, ny, nz, c, 0)) {
        normalMismatches++;
      }
    }
  }
}
