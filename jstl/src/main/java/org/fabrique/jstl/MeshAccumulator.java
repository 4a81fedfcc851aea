package org.fabrique.jstl;

import java.util.Arrays;

/**
 * Analyses one range of a mesh's triangles as they stream by: bounding box, area, volume,
 * degenerate triangles, normals that disagree with the winding, and the welded vertex number of
 * every corner. Ranges are analysed in parallel, sharing one {@link VertexIndex}, and merged.
 *
 * <p>In front of the shared index sits a small direct-mapped cache of the vertices this range saw
 * last: exporters write neighbouring triangles together, so most corners are found there without
 * touching the index (and without its lock).
 */
final class MeshAccumulator implements TriangleConsumer {

  private static final int RECENT_SLOTS = 1 << 14;

  private final VertexIndex index;
  private static final int BATCH_TRIANGLES = 64;

  /** Allocated for the time the range is being read (ranges may wait their turn in numbers). */
  private int[] recent;
  private final float[] batch = new float[BATCH_TRIANGLES * 9];
  private int batched;
  private final int[] pendingCorner = new int[BATCH_TRIANGLES * 3];
  private final long[] pendingHash = new long[BATCH_TRIANGLES * 3];
  /** Keeps the prefetching reads from being optimised away. */
  private int prefetchSink;
  /** Vertex numbers of the corners, from {@code cornerOffset}; possibly shared with other ranges. */
  private int[] corners;
  private final int cornerOffset;
  private final boolean sharedCorners;
  private int cornerCount;
  private long normalMismatches;

  private boolean empty = true;
  // The volume is summed relative to this range's first corner (see merge).
  private double refX;
  private double refY;
  private double refZ;
  private float minX = Float.POSITIVE_INFINITY;
  private float minY = Float.POSITIVE_INFINITY;
  private float minZ = Float.POSITIVE_INFINITY;
  private float maxX = Float.NEGATIVE_INFINITY;
  private float maxY = Float.NEGATIVE_INFINITY;
  private float maxZ = Float.NEGATIVE_INFINITY;
  private final CompensatedSum area = new CompensatedSum();
  private final CompensatedSum volume = new CompensatedSum();
  private final CompensatedSum normalX = new CompensatedSum();
  private final CompensatedSum normalY = new CompensatedSum();
  private final CompensatedSum normalZ = new CompensatedSum();
  private long degenerate;

  /** A range whose size is not known: its corner numbers go to an array of its own. */
  MeshAccumulator(VertexIndex index, int expectedTriangles) {
    this.index = index;
    this.corners = new int[Math.max(3, expectedTriangles * 3)];
    this.cornerOffset = 0;
    this.sharedCorners = false;
  }

  /** A range of known place: its corner numbers go to {@code corners} from its first triangle. */
  MeshAccumulator(VertexIndex index, int[] corners, int firstTriangle) {
    this.index = index;
    this.corners = corners;
    this.cornerOffset = firstTriangle * 3;
    this.sharedCorners = true;
  }

  @Override
  public void accept(float[] c, float nx, float ny, float nz) {
    if (Facets.normalDisagrees(nx, ny, nz, c, 0)) {
      normalMismatches++;
    }
    add(c, 0);
  }

  /** Adds the triangle at {@code c[o..o+9)}, its stored normal unknown. */
  void add(float[] c, int o) {
    System.arraycopy(c, o, batch, batched * 9, 9);
    if (++batched == BATCH_TRIANGLES) {
      flush();
    }
  }

  /**
   * Measures and welds the batched triangles. Corners missing from the recent-vertex cache are
   * resolved in the shared index in two sweeps: the first only reads the index slot each will
   * probe, so that those independent cache misses overlap in the memory system instead of being
   * waited for one at a time; the second does the real (locked) lookups on warm cache lines.
   */
  private void flush() {
    if (batched == 0) {
      return;
    }
    if (recent == null) {
      recent = new int[RECENT_SLOTS * 4];
    }
    if (empty) {
      refX = batch[0];
      refY = batch[1];
      refZ = batch[2];
      empty = false;
    }
    measureBatch();
    int batchCorners = batched * 3;
    if (cornerCount + batchCorners > corners.length - cornerOffset) {
      growCorners(batchCorners);
    }
    int base = cornerOffset + cornerCount;
    int pending = 0;
    for (int k = 0; k < batchCorners; k++) {
      int x = Float.floatToRawIntBits(batch[k * 3] + 0.0f);
      int y = Float.floatToRawIntBits(batch[k * 3 + 1] + 0.0f);
      int z = Float.floatToRawIntBits(batch[k * 3 + 2] + 0.0f);
      long hash = VertexIndex.hash(x, y, z);
      int r = ((int) (hash >>> 16) & (RECENT_SLOTS - 1)) << 2;
      int stored = recent[r + 3];
      if (stored != 0 && recent[r] == x && recent[r + 1] == y && recent[r + 2] == z) {
        corners[base + k] = stored - 1;
      } else {
        pendingCorner[pending] = k;
        pendingHash[pending] = hash;
        pending++;
      }
    }
    int touched = 0;
    for (int i = 0; i < pending; i++) {
      touched += index.peek(pendingHash[i]);
    }
    prefetchSink += touched;
    for (int i = 0; i < pending; i++) {
      int k = pendingCorner[i];
      long hash = pendingHash[i];
      int x = Float.floatToRawIntBits(batch[k * 3] + 0.0f);
      int y = Float.floatToRawIntBits(batch[k * 3 + 1] + 0.0f);
      int z = Float.floatToRawIntBits(batch[k * 3 + 2] + 0.0f);
      int number = index.numberOf(x, y, z, hash);
      int r = ((int) (hash >>> 16) & (RECENT_SLOTS - 1)) << 2;
      recent[r] = x;
      recent[r + 1] = y;
      recent[r + 2] = z;
      recent[r + 3] = number + 1;
      corners[base + k] = number;
    }
    cornerCount += batchCorners;
    batched = 0;
  }

  private void growCorners(int atLeast) {
    if (sharedCorners) {
      throw new IllegalStateException("more triangles than the range was given");
    }
    corners = Arrays.copyOf(corners, Math.max(corners.length * 2, cornerCount + atLeast));
  }

  /**
   * Bounding box, and area, volume and normal sums of the batch: plain sums over the batch (a few
   * dozen terms lose nothing that matters), then compensated sums across batches.
   */
  private void measureBatch() {
    float[] c = batch;
    double batchArea = 0;
    double batchVolume = 0;
    double batchNormalX = 0;
    double batchNormalY = 0;
    double batchNormalZ = 0;
    for (int o = 0; o < batched * 9; o += 9) {
      for (int k = o; k < o + 9; k += 3) {
        minX = Math.min(minX, c[k]);
        maxX = Math.max(maxX, c[k]);
        minY = Math.min(minY, c[k + 1]);
        maxY = Math.max(maxY, c[k + 1]);
        minZ = Math.min(minZ, c[k + 2]);
        maxZ = Math.max(maxZ, c[k + 2]);
      }
      double ax = c[o] - refX;
      double ay = c[o + 1] - refY;
      double az = c[o + 2] - refZ;
      double bx = c[o + 3] - refX;
      double by = c[o + 4] - refY;
      double bz = c[o + 5] - refZ;
      double cx = c[o + 6] - refX;
      double cy = c[o + 7] - refY;
      double cz = c[o + 8] - refZ;
      double ux = bx - ax;
      double uy = by - ay;
      double uz = bz - az;
      double vx = cx - ax;
      double vy = cy - ay;
      double vz = cz - az;
      double nx = uy * vz - uz * vy;
      double ny = uz * vx - ux * vz;
      double nz = ux * vy - uy * vx;
      if (nx == 0 && ny == 0 && nz == 0) {
        degenerate++;
      } else {
        batchArea += Math.sqrt(nx * nx + ny * ny + nz * nz);
        batchVolume += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz)
            + az * (bx * cy - by * cx);
        batchNormalX += nx;
        batchNormalY += ny;
        batchNormalZ += nz;
      }
    }
    area.add(batchArea);
    volume.add(batchVolume);
    normalX.add(batchNormalX);
    normalY.add(batchNormalY);
    normalZ.add(batchNormalZ);
  }

  @Override
  public void finish() {
    flush();
    recent = null;
  }

  VertexIndex index() {
    return index;
  }

  int triangleCount() {
    return cornerCount / 3;
  }

  long normalMismatches() {
    return normalMismatches;
  }

  /** Everything the ranges measured, merged; and the corners' vertex numbers in range order. */
  record Totals(int triangles, int[] cornerVertex, BoundingBox box, double area, double volume,
      long degenerate, long normalMismatches) {}

  static Totals merge(java.util.List<MeshAccumulator> ranges) {
    long corners = 0;
    for (MeshAccumulator range : ranges) {
      range.finish();
      corners += range.cornerCount;
    }
    int[] cornerVertex = sharedArray(ranges, corners);
    if (cornerVertex == null) {
      cornerVertex = new int[Math.toIntExact(corners)];
      int offset = 0;
      for (MeshAccumulator range : ranges) {
        System.arraycopy(range.corners, range.cornerOffset, cornerVertex, offset, range.cornerCount);
        offset += range.cornerCount;
        range.corners = null;
      }
    }
    CompensatedSum area = new CompensatedSum();
    CompensatedSum volume = new CompensatedSum();
    float minX = Float.POSITIVE_INFINITY;
    float minY = Float.POSITIVE_INFINITY;
    float minZ = Float.POSITIVE_INFINITY;
    float maxX = Float.NEGATIVE_INFINITY;
    float maxY = Float.NEGATIVE_INFINITY;
    float maxZ = Float.NEGATIVE_INFINITY;
    long degenerate = 0;
    long mismatches = 0;
    MeshAccumulator reference = null;
    for (MeshAccumulator range : ranges) {
      if (range.empty) {
        continue;
      }
      if (reference == null) {
        reference = range;
      }
      minX = Math.min(minX, range.minX);
      minY = Math.min(minY, range.minY);
      minZ = Math.min(minZ, range.minZ);
      maxX = Math.max(maxX, range.maxX);
      maxY = Math.max(maxY, range.maxY);
      maxZ = Math.max(maxZ, range.maxZ);
      area.add(range.area);
      // Moving the reference point by d changes a triangle's volume term by -d·n, n being its
      // (unnormalised) normal: re-express each range's sum relative to the first range's point.
      volume.add(range.volume);
      volume.add(-((reference.refX - range.refX) * range.normalX.value()
          + (reference.refY - range.refY) * range.normalY.value()
          + (reference.refZ - range.refZ) * range.normalZ.value()));
      degenerate += range.degenerate;
      mismatches += range.normalMismatches;
    }
    BoundingBox box = reference == null
        ? new BoundingBox(0, 0, 0, 0, 0, 0)
        : new BoundingBox(minX, minY, minZ, maxX, maxY, maxZ);
    return new Totals(Math.toIntExact(corners / 3), cornerVertex, box, area.value() / 2,
        volume.value() / 6, degenerate, mismatches);
  }

  /** The array the ranges filled together, if they did so exactly; otherwise null. */
  private static int[] sharedArray(java.util.List<MeshAccumulator> ranges, long corners) {
    int[] shared = ranges.get(0).corners;
    for (MeshAccumulator range : ranges) {
      if (range.corners != shared) {
        return null;
      }
    }
    return shared.length == corners ? shared : null;
  }

  /** Neumaier's compensated summation. */
  static final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double term) {
      double next = sum + term;
      if (Math.abs(sum) >= Math.abs(term)) {
        compensation += (sum - next) + term;
      } else {
        compensation += (term - next) + sum;
      }
      sum = next;
    }

    void add(CompensatedSum other) {
      add(other.sum);
      add(other.compensation);
    }

    double value() {
      return sum + compensation;
    }
  }
}
