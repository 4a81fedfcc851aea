package org.fabrique.jstl;

import java.util.ArrayList;
import java.util.List;

/**
 * Growable storage for triangles whose number is not known in advance, in fixed-size blocks so
 * that growing never copies, and memory stays proportional to what was actually read.
 */
final class TriangleBuffer implements TriangleConsumer {

  static final int BLOCK_TRIANGLES = 1 << 15;
  private static final int BLOCK_FLOATS = BLOCK_TRIANGLES * 9;

  private final List<float[]> fullBlocks = new ArrayList<>();
  private float[] current = new float[9 * 256];
  private int currentFloats;
  private long normalMismatches;

  @Override
  public void accept(float[] corners, float nx, float ny, float nz) {
    add(corners, Facets.normalDisagrees(nx, ny, nz, corners, 0));
  }

  /** Appends a triangle from {@code corners[0..9)}. */
  void add(float[] corners, boolean normalDisagrees) {
    if (currentFloats == current.length) {
      grow();
    }
    System.arraycopy(corners, 0, current, currentFloats, 9);
    currentFloats += 9;
    if (normalDisagrees) {
      normalMismatches++;
    }
  }

  private void grow() {
    if (current.length < BLOCK_FLOATS) {
      current = java.util.Arrays.copyOf(current, Math.min(BLOCK_FLOATS, current.length * 4));
    } else {
      fullBlocks.add(current);
      current = new float[BLOCK_FLOATS];
      currentFloats = 0;
    }
  }

  long triangleCount() {
    return ((long) fullBlocks.size() * BLOCK_FLOATS + currentFloats) / 9;
  }

  long normalMismatches() {
    return normalMismatches;
  }

  /**
   * Copies the triangles into {@code into} from float {@code offset}, releasing each block once
   * copied; returns the offset after the last float.
   */
  int drainInto(float[] into, int offset) {
    for (int i = 0; i < fullBlocks.size(); i++) {
      float[] block = fullBlocks.set(i, null);
      System.arraycopy(block, 0, into, offset, block.length);
      offset += block.length;
    }
    fullBlocks.clear();
    System.arraycopy(current, 0, into, offset, currentFloats);
    offset += currentFloats;
    current = new float[0];
    currentFloats = 0;
    return offset;
  }

  /** All triangles in one exactly sized array. */
  static float[] concatenate(List<TriangleBuffer> parts) {
    long floats = 0;
    for (TriangleBuffer part : parts) {
      floats += part.triangleCount() * 9;
    }
    float[] all = new float[Math.toIntExact(floats)];
    int offset = 0;
    for (TriangleBuffer part : parts) {
      offset = part.drainInto(all, offset);
    }
    return all;
  }
}
