package org.fabrique.jstl;

import java.util.Arrays;
import java.util.List;

/**
 * Analyses one block of a mesh's triangles (a binary window, an ASCII range, a range of an array)
 * as they stream by: bounding box, area, volume, degenerate triangles, normals that disagree with
 * the winding, and for every corner a <em>candidate</em> vertex number local to the block.
 *
 * <p>Candidates come from a small direct-mapped cache of the vertices the block saw last:
 * exporters write neighbouring triangles together, so most corners are found there, and a corner
 * that is not gets a new candidate (its coordinate bits are appended to the block's list). Blocks
 * share nothing while they are read, so they are read in parallel without locks; {@link
 * MeshAnalyzer} then welds the candidates of all blocks (equal bits, one vertex) and numbers the
 * vertices in order of first appearance.
 */
final class MeshAccumulator implements TriangleConsumer {

  /** Triangles whose sums are added plainly before being added to the compensated sums. */
  private static final int BATCH_TRIANGLES = 64;

  /** Recent-vertex caches, reused from block to block (see {@link #begin()}). */
  private final Caches caches;
  private Cache cache;
  /** Cache entries stamped at or below this value belong to earlier blocks. */
  private int stampBase;

  /** Candidate numbers of the corners, three per triangle (allocated when the block starts). */
  int[] corners;
  int cornerCount;

  /**
   * Three ints per candidate: x, y, z bits (-0.0 as 0.0). Once the block is finished, sorted by
   * bucket (see {@link #sortByBucket()}).
   */
  int[] candidates;
  int candidateCount;
  /** Once finished: the block-local number of the candidate at each sorted place. */
  int[] candidateOrder;
  /** Once finished: where each bucket's candidates start in the sorted candidates. */
  int[] bucketStart;

  private final int bucketBits;
  private final int expectedTriangles;
  private final boolean exactSize;
  private boolean finished;

  private long normalMismatches;
  private boolean empty = true;
  // The volume is summed relative to this block's first corner (see merge).
  private double refX;
  private double refY;
  private double refZ;
  // The bounding box in the order of Float.compare (-0.0 below 0.0, as Math.min has it) on
  // integers: see unsortable(). Integer minima and maxima cost a fraction of Math.min on floats.
  private int minX = Integer.MAX_VALUE;
  private int minY = Integer.MAX_VALUE;
  private int minZ = Integer.MAX_VALUE;
  private int maxX = Integer.MIN_VALUE;
  private int maxY = Integer.MIN_VALUE;
  private int maxZ = Integer.MIN_VALUE;
  private int batched;
  private double batchArea;
  private double batchVolume;
  private double batchNormalX;
  private double batchNormalY;
  private double batchNormalZ;
  private final CompensatedSum area = new CompensatedSum();
  private final CompensatedSum volume = new CompensatedSum();
  private final CompensatedSum normalX = new CompensatedSum();
  private final CompensatedSum normalY = new CompensatedSum();
  private final CompensatedSum normalZ = new CompensatedSum();
  private long degenerate;

  /**
   * @param bucketBits the candidates are sorted by the top this many bits of their hash when
   *     the block is finished
   * @param expectedTriangles how many triangles the block holds ({@code exactSize}), or a guess
   */
  MeshAccumulator(Caches caches, int bucketBits, int expectedTriangles, boolean exactSize) {
    this.caches = caches;
    this.bucketBits = bucketBits;
    this.expectedTriangles = Math.max(1, expectedTriangles);
    this.exactSize = exactSize;
  }

  @Override
  public void accept(float[] c, float nx, float ny, float nz) {
    int[] w = scratch();
    w[0] = Float.floatToRawIntBits(nx);
    w[1] = Float.floatToRawIntBits(ny);
    w[2] = Float.floatToRawIntBits(nz);
    for (int k = 0; k < 9; k++) {
      w[3 + k] = Float.floatToRawIntBits(c[k]);
    }
    addBinary(w, 0);
  }

  /** Adds the triangle at {@code c[o..o+9)}, its stored normal unknown. */
  void add(float[] c, int o) {
    int[] w = scratch();
    w[0] = 0; // a zero normal, "not given", disagrees with nothing
    w[1] = 0;
    w[2] = 0;
    for (int k = 0; k < 9; k++) {
      w[3 + k] = Float.floatToRawIntBits(c[o + k]);
    }
    addBinary(w, 0);
  }

  private int[] scratch;

  private int[] scratch() {
    if (scratch == null) {
      scratch = new int[12];
    }
    return scratch;
  }

  /**
   * Adds a triangle from the bits of its twelve floats {@code w[f..f+12)}: the stored normal,
   * then the corners; false, and nothing added, if a corner's coordinate is not finite. One
   * method with everything on the common path written out, no calls: the JIT compiles it after
   * a few hundred triangles, and even its quickest compiler (C1, which inlines only tiny
   * methods) then runs it without call overhead.
   */
  boolean addBinary(int[] w, int f) {
    int bx0 = w[f + 3];
    int by0 = w[f + 4];
    int bz0 = w[f + 5];
    int bx1 = w[f + 6];
    int by1 = w[f + 7];
    int bz1 = w[f + 8];
    int bx2 = w[f + 9];
    int by2 = w[f + 10];
    int bz2 = w[f + 11];
    int e = 0x7f800000; // a coordinate whose exponent bits are all set is infinite or NaN
    if ((bx0 & e) == e || (by0 & e) == e || (bz0 & e) == e || (bx1 & e) == e
        || (by1 & e) == e || (bz1 & e) == e || (bx2 & e) == e || (by2 & e) == e
        || (bz2 & e) == e) {
      return false;
    }
    if (cache == null) {
      begin();
    }
    float x0 = Float.intBitsToFloat(bx0);
    float y0 = Float.intBitsToFloat(by0);
    float z0 = Float.intBitsToFloat(bz0);
    float x1 = Float.intBitsToFloat(bx1);
    float y1 = Float.intBitsToFloat(by1);
    float z1 = Float.intBitsToFloat(bz1);
    float x2 = Float.intBitsToFloat(bx2);
    float y2 = Float.intBitsToFloat(by2);
    float z2 = Float.intBitsToFloat(bz2);

    // The stored normal against the winding: as Facets.normalDisagrees, written out.
    int bnx = w[f];
    int bny = w[f + 1];
    int bnz = w[f + 2];
    if ((bnx | bny | bnz) << 1 != 0) { // not a zero normal (of either sign), which never disagrees
      if ((bnx & e) == e || (bny & e) == e || (bnz & e) == e) {
        normalMismatches++;
      } else {
        double ux = (double) x1 - x0;
        double uy = (double) y1 - y0;
        double uz = (double) z1 - z0;
        double vx = (double) x2 - x0;
        double vy = (double) y2 - y0;
        double vz = (double) z2 - z0;
        double cx = uy * vz - uz * vy;
        double cy = uz * vx - ux * vz;
        double cz = ux * vy - uy * vx;
        if ((cx != 0 || cy != 0 || cz != 0) && cx * Float.intBitsToFloat(bnx)
            + cy * Float.intBitsToFloat(bny) + cz * Float.intBitsToFloat(bnz) <= 0) {
          normalMismatches++;
        }
      }
    }

    // The bounding box, on sortable integers.
    int s0 = bx0 ^ ((bx0 >> 31) & 0x7fffffff);
    int s1 = bx1 ^ ((bx1 >> 31) & 0x7fffffff);
    int s2 = bx2 ^ ((bx2 >> 31) & 0x7fffffff);
    minX = Math.min(minX, Math.min(s0, Math.min(s1, s2)));
    maxX = Math.max(maxX, Math.max(s0, Math.max(s1, s2)));
    s0 = by0 ^ ((by0 >> 31) & 0x7fffffff);
    s1 = by1 ^ ((by1 >> 31) & 0x7fffffff);
    s2 = by2 ^ ((by2 >> 31) & 0x7fffffff);
    minY = Math.min(minY, Math.min(s0, Math.min(s1, s2)));
    maxY = Math.max(maxY, Math.max(s0, Math.max(s1, s2)));
    s0 = bz0 ^ ((bz0 >> 31) & 0x7fffffff);
    s1 = bz1 ^ ((bz1 >> 31) & 0x7fffffff);
    s2 = bz2 ^ ((bz2 >> 31) & 0x7fffffff);
    minZ = Math.min(minZ, Math.min(s0, Math.min(s1, s2)));
    maxZ = Math.max(maxZ, Math.max(s0, Math.max(s1, s2)));

    // Area, volume and normal sums, relative to the block's first corner: plain sums over
    // batches of BATCH_TRIANGLES triangles (a few dozen terms lose nothing that matters), then
    // compensated sums across batches.
    if (empty) {
      refX = x0;
      refY = y0;
      refZ = z0;
      empty = false;
    }
    double ax = x0 - refX;
    double ay = y0 - refY;
    double az = z0 - refZ;
    double bx = x1 - refX;
    double by = y1 - refY;
    double bz = z1 - refZ;
    double cx = x2 - refX;
    double cy = y2 - refY;
    double cz = z2 - refZ;
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
    if (++batched == BATCH_TRIANGLES) {
      endBatch();
    }

    // The corners' candidates: from the recent-vertex cache, or new. -0.0 welds with 0.0 (the
    // only finite float whose bits change when 0.0f is added to it).
    int k = cornerCount;
    if (k + 3 > corners.length) {
      growCorners(k + 3);
    }
    cornerCount = k + 3;
    int[] to = corners;
    int[] slots = cache.slots;
    int base = stampBase;
    int x = bx0 == 0x80000000 ? 0 : bx0;
    int y = by0 == 0x80000000 ? 0 : by0;
    int z = bz0 == 0x80000000 ? 0 : bz0;
    int r = (hash(x, y, z) & Cache.MASK) << 2;
    int stamp = slots[r + 3];
    to[k] = stamp > base && slots[r] == x && slots[r + 1] == y && slots[r + 2] == z
        ? stamp - base - 1 : newCandidate(x, y, z, r);
    x = bx1 == 0x80000000 ? 0 : bx1;
    y = by1 == 0x80000000 ? 0 : by1;
    z = bz1 == 0x80000000 ? 0 : bz1;
    r = (hash(x, y, z) & Cache.MASK) << 2;
    stamp = slots[r + 3];
    to[k + 1] = stamp > base && slots[r] == x && slots[r + 1] == y && slots[r + 2] == z
        ? stamp - base - 1 : newCandidate(x, y, z, r);
    x = bx2 == 0x80000000 ? 0 : bx2;
    y = by2 == 0x80000000 ? 0 : by2;
    z = bz2 == 0x80000000 ? 0 : bz2;
    r = (hash(x, y, z) & Cache.MASK) << 2;
    stamp = slots[r + 3];
    to[k + 2] = stamp > base && slots[r] == x && slots[r + 1] == y && slots[r + 2] == z
        ? stamp - base - 1 : newCandidate(x, y, z, r);
    return true;
  }

  private void growCorners(int atLeast) {
    if (exactSize) {
      throw new IllegalStateException("more triangles than the block was given");
    }
    corners = Arrays.copyOf(corners, Math.max(corners.length * 2, atLeast));
  }

  /** Allocates the block's arrays, on the thread that reads the block. */
  private void begin() {
    int n = expectedTriangles;
    corners = new int[3 * n];
    // A closed mesh has about half as many vertices as triangles; the cache misses a few more
    // (more in a short block, which starts with an empty cache).
    candidates = new int[3 * (n / 2 + (exactSize ? n / 16 : n / 8) + 1024)];
    cache = caches.take();
    stampBase = cache.stamp;
  }

  /** A new candidate for a corner the cache did not know; it replaces cache slot {@code r}. */
  private int newCandidate(int x, int y, int z, int r) {
    int number = candidateCount++;
    int c = number * 3;
    int[] to = candidates;
    if (c + 3 > to.length) {
      candidates = to = Arrays.copyOf(to, Math.max(to.length * 2, 48));
    }
    to[c] = x;
    to[c + 1] = y;
    to[c + 2] = z;
    int[] slots = cache.slots;
    slots[r] = x;
    slots[r + 1] = y;
    slots[r + 2] = z;
    slots[r + 3] = stampBase + number + 1;
    return number;
  }

  /**
   * A hash of a point's coordinate bits: each word multiplied by its own odd 64-bit constant, the
   * products combined, and the two halves folded (three independent multiplications, which the
   * processor overlaps). Its low bits index the recent-vertex cache, its high bits the welding
   * table.
   */
  static int hash(int x, int y, int z) {
    long h = x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL ^ z * 0x165667B19E3779F9L;
    return (int) (h >>> 32) ^ (int) h;
  }

  /**
   * The float of a sortable int: an int that orders as {@link Float#compare} does (for all but
   * NaN), the bits of a float whose magnitude bits are flipped when negative. The mapping is its
   * own inverse.
   */
  private static float unsortable(int sortable) {
    return Float.intBitsToFloat(sortable ^ ((sortable >> 31) & 0x7fffffff));
  }

  private void endBatch() {
    area.add(batchArea);
    volume.add(batchVolume);
    normalX.add(batchNormalX);
    normalY.add(batchNormalY);
    normalZ.add(batchNormalZ);
    batchArea = 0;
    batchVolume = 0;
    batchNormalX = 0;
    batchNormalY = 0;
    batchNormalZ = 0;
    batched = 0;
  }

  @Override
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (batched > 0) {
      endBatch();
    }
    if (cache == null) { // no triangle
      corners = new int[0];
      candidates = new int[0];
      cache = caches.take();
      stampBase = cache.stamp;
    }
    sortByBucket();
    cache.stamp = stampBase + candidateCount;
    caches.give(cache);
    cache = null;
  }

  /**
   * Sorts the candidates in place by the top {@code bucketBits} bits of their hash (a counting
   * sort that moves each candidate straight to its place: cycle by cycle, no second array), in
   * their order within each bucket being their order of appearance; {@link #candidateOrder}
   * keeps their numbers. Done as the block finishes, on its thread, while the candidates are in
   * the processor's cache.
   */
  private void sortByBucket() {
    int n = candidateCount;
    int buckets = 1 << bucketBits;
    int shift = 32 - bucketBits;
    int[] c = candidates;
    int[] start = new int[buckets + 1];
    int[] order = new int[n];
    if (bucketBits == 0) {
      start[1] = n;
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
    } else {
      int[] bucket = cache.scratch(n);
      for (int i = 0; i < n; i++) {
        int b = hash(c[3 * i], c[3 * i + 1], c[3 * i + 2]) >>> shift;
        bucket[i] = b;
        start[b + 1]++;
      }
      for (int b = 0; b < buckets; b++) {
        start[b + 1] += start[b];
      }
      // Where each candidate goes, so that equal buckets keep their order; then the moves.
      int[] next = Arrays.copyOf(start, buckets);
      int[] place = bucket;
      for (int i = 0; i < n; i++) {
        int to = next[bucket[i]]++;
        place[i] = to;
        order[to] = i;
      }
      for (int i = 0; i < n; i++) {
        // Follow the cycle through i: each candidate displaced goes where it belongs.
        int to = place[i];
        if (to == i) {
          continue;
        }
        int x = c[3 * i];
        int y = c[3 * i + 1];
        int z = c[3 * i + 2];
        while (to != i) {
          int nx = c[3 * to];
          int ny = c[3 * to + 1];
          int nz = c[3 * to + 2];
          c[3 * to] = x;
          c[3 * to + 1] = y;
          c[3 * to + 2] = z;
          int after = place[to];
          place[to] = to;
          x = nx;
          y = ny;
          z = nz;
          to = after;
        }
        c[3 * i] = x;
        c[3 * i + 1] = y;
        c[3 * i + 2] = z;
        place[i] = i;
      }
    }
    candidateOrder = order;
    bucketStart = start;
  }

  int triangleCount() {
    return cornerCount / 3;
  }

  long normalMismatches() {
    return normalMismatches;
  }

  /** Everything the blocks measured, merged. */
  record Totals(int triangles, BoundingBox box, double area, double volume, long degenerate,
      long normalMismatches) {}

  static Totals merge(List<MeshAccumulator> blocks) {
    long corners = 0;
    for (MeshAccumulator block : blocks) {
      block.finish();
      corners += block.cornerCount;
    }
    CompensatedSum area = new CompensatedSum();
    CompensatedSum volume = new CompensatedSum();
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int minZ = Integer.MAX_VALUE;
    int maxX = Integer.MIN_VALUE;
    int maxY = Integer.MIN_VALUE;
    int maxZ = Integer.MIN_VALUE;
    long degenerate = 0;
    long mismatches = 0;
    MeshAccumulator reference = null;
    for (MeshAccumulator block : blocks) {
      mismatches += block.normalMismatches;
      if (block.empty) {
        continue;
      }
      if (reference == null) {
        reference = block;
      }
      minX = Math.min(minX, block.minX);
      minY = Math.min(minY, block.minY);
      minZ = Math.min(minZ, block.minZ);
      maxX = Math.max(maxX, block.maxX);
      maxY = Math.max(maxY, block.maxY);
      maxZ = Math.max(maxZ, block.maxZ);
      area.add(block.area);
      // Moving the reference point by d changes a triangle's volume term by -d·n, n being its
      // (unnormalised) normal: re-express each block's sum relative to the first block's point.
      volume.add(block.volume);
      volume.add(-((reference.refX - block.refX) * block.normalX.value()
          + (reference.refY - block.refY) * block.normalY.value()
          + (reference.refZ - block.refZ) * block.normalZ.value()));
      degenerate += block.degenerate;
    }
    BoundingBox box = reference == null
        ? new BoundingBox(0, 0, 0, 0, 0, 0)
        : new BoundingBox(unsortable(minX), unsortable(minY), unsortable(minZ),
            unsortable(maxX), unsortable(maxY), unsortable(maxZ));
    return new Totals(Math.toIntExact(corners / 3), box, area.value() / 2, volume.value() / 6,
        degenerate, mismatches);
  }

  /**
   * A direct-mapped cache of recently seen vertices: four ints per slot, x, y, z bits and a stamp
   * (the owning block's base stamp plus its candidate number plus one), so that a block can reuse
   * a cache without clearing it: entries of earlier blocks have stamps at or below its base.
   */
  static final class Cache {
    static final int SLOTS = 1 << 14;
    static final int MASK = SLOTS - 1;
    final int[] slots = new int[SLOTS * 4];
    int stamp;
    /** Working array of the sort of the block that holds the cache. */
    private int[] scratch;

    /** An array of at least {@code n} ints (contents undefined). */
    int[] scratch(int n) {
      if (scratch == null || scratch.length < n) {
        scratch = new int[Math.max(n, 1024)];
      }
      return scratch;
    }
  }

  /** The caches of one analysis, handed to blocks as they start and returned as they finish. */
  static final class Caches {
    private Cache[] free = new Cache[4];
    private int freeCount;

    synchronized Cache take() {
      return freeCount > 0 ? free[--freeCount] : new Cache();
    }

    synchronized void give(Cache cache) {
      if (freeCount == free.length) {
        free = Arrays.copyOf(free, freeCount * 2);
      }
      free[freeCount++] = cache;
    }
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
