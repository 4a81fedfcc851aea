package org.fabrique.jstl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes a {@link MeshReport} without per-triangle or per-vertex objects, in stages that each
 * run on every core:
 *
 * <ol>
 *   <li>geometry, and candidate vertices for the corners, block by block ({@link
 *       MeshAccumulator}), each block's candidates sorted by the top bits of their hash into
 *       buckets as the block finishes;
 *   <li>welding, bucket by bucket: the candidates of one bucket, from every block in order, go
 *       through a small open-addressing table that stays in the processor's cache; a candidate
 *       equal to an earlier one takes its number, and vertices are then numbered in order of
 *       first appearance (so that the numbers of neighbouring triangles are close, which keeps
 *       the later stages' memory accesses local);
 *   <li>edges and shells, in one pass over the triangles split among the threads ({@link
 *       Topology}).
 * </ol>
 */
final class MeshAnalyzer {

  /** Triangles per block of a mesh analysed in parallel (as many as a binary window). */
  static final int RANGE_TRIANGLES = BinaryStl.WINDOW_TRIANGLES;

  /** Below this many triangles every stage runs on the calling thread. */
  private static final int PARALLEL_MIN_TRIANGLES = 1 << 15;

  /** Buckets when the number of triangles is not known in advance. */
  private static final int DEFAULT_BUCKET_BITS = 8;

  private MeshAnalyzer() {}

  static MeshReport analyze(TriangleMesh mesh) {
    float[] c = mesh.coordinateArray();
    int triangles = mesh.triangleCount();
    // Blocks as large as the binary reader's windows: reading then analysing sums in the same
    // order as analysing while reading, whatever the number of processors.
    int blocks = Math.max(1, (triangles + RANGE_TRIANGLES - 1) / RANGE_TRIANGLES);
    Sink sink = new Sink();
    sink.begin(triangles);
    List<MeshAccumulator> accumulators = new ArrayList<>(blocks);
    for (int b = 0; b < blocks; b++) {
      int from = b * RANGE_TRIANGLES;
      accumulators.add(sink.range(from, Math.min(RANGE_TRIANGLES, triangles - from)));
    }
    run(blocks, new AddArrayRange(c, triangles, accumulators),
        triangles >= PARALLEL_MIN_TRIANGLES);
    return report(mesh.format(), accumulators, mesh.normalMismatches());
  }

  private record AddArrayRange(float[] c, int triangles, List<MeshAccumulator> blocks)
      implements Parallel.Task {
    @Override
    public void run(int b) {
      MeshAccumulator block = blocks.get(b);
      int end = Math.min(triangles, (b + 1) * RANGE_TRIANGLES);
      for (int t = b * RANGE_TRIANGLES; t < end; t++) {
        block.add(c, t * 9);
      }
      block.finish();
    }
  }

  /** Creates the blocks of one reading. */
  static final class Sink implements TriangleSink<MeshAccumulator> {
    private final MeshAccumulator.Caches caches = new MeshAccumulator.Caches();
    private int bucketBits = DEFAULT_BUCKET_BITS;

    @Override
    public void begin(long triangles) {
      if (triangles >= 0) {
        // About 4096 candidates a bucket (a closed mesh has half as many vertices as triangles).
        bucketBits = 0;
        while (bucketBits < 12 && (triangles >> 13 >> bucketBits) > 0) {
          bucketBits++;
        }
      }
    }

    @Override
    public MeshAccumulator range(int firstTriangle, int expectedTriangles) {
      return new MeshAccumulator(caches, bucketBits, expectedTriangles, firstTriangle >= 0);
    }
  }

  private static void run(int count, Parallel.Task task, boolean parallel) {
    if (parallel && count > 1) {
      Parallel.run(count, task);
    } else {
      for (int i = 0; i < count; i++) {
        try {
          task.run(i);
        } catch (StlException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** The report on everything the blocks of one mesh saw, in their order. */
  static MeshReport report(
      StlFormat format, List<MeshAccumulator> blocks, long normalMismatchesFoundBefore) {
    Timings timings = Timings.start();
    MeshAccumulator.Totals totals = MeshAccumulator.merge(blocks);
    int triangles = totals.triangles();
    boolean parallel = triangles >= PARALLEL_MIN_TRIANGLES && Parallel.threads() > 1;
    int[] firstCandidate = new int[blocks.size() + 1];
    for (int b = 0; b < blocks.size(); b++) {
      firstCandidate[b + 1] = Math.addExact(firstCandidate[b], blocks.get(b).candidateCount);
    }
    int[] vertexOf = new int[firstCandidate[blocks.size()]];
    int buckets = blocks.get(0).bucketStart.length - 1;
    int tasks = parallel ? Math.min(buckets, 4 * Parallel.threads()) : 1;
    run(tasks, new Weld(blocks, firstCandidate, vertexOf, tasks), parallel);
    timings.lap("weld");
    // Groups of consecutive blocks with about as many corners each, a few per thread (so that
    // a thread slowed down by other processes leaves work to the others).
    int groups = parallel ? Math.min(4 * Parallel.threads(), blocks.size()) : 1;
    int[] groupStart = new int[groups + 1];
    long totalCorners = 3L * triangles;
    long seen = 0;
    int group = 1;
    for (int b = 0; b < blocks.size() && group < groups; b++) {
      seen += blocks.get(b).cornerCount;
      while (group < groups && seen >= totalCorners * group / groups) {
        groupStart[group++] = b + 1;
      }
    }
    while (group <= groups) {
      groupStart[group++] = blocks.size();
    }
    // The first vertex number of each group: vertices are numbered in order of first appearance,
    // so a group's triangles have only vertices below the next group's first.
    int[] boundaries = new int[groups + 1];
    for (int g = 0; g <= groups; g++) {
      boundaries[g] = firstCandidate[groupStart[g]];
    }
    int[] vertexStart = new int[groups + 1];
    int vertices = numberVertices(vertexOf, boundaries, vertexStart);
    timings.lap("number");
    run(blocks.size(), new Renumber(blocks, firstCandidate, vertexOf), parallel);
    timings.lap("renumber");
    int[][] corners = new int[blocks.size()][];
    int[] cornerCounts = new int[blocks.size()];
    for (int b = 0; b < blocks.size(); b++) {
      corners[b] = blocks.get(b).corners;
      cornerCounts[b] = blocks.get(b).cornerCount;
    }
    Topology topology = new Topology(corners, cornerCounts, groupStart, vertexStart, vertexOf);
    run(groups, topology.firstPass(), parallel);
    timings.lap("edges and shells, first pass");
    run(groups, topology.secondPass(), parallel);
    timings.lap("edges, second pass");
    int shells = topology.shells(vertices);
    timings.lap("shells, last joins");
    long boundary = topology.total(0);
    long nonManifold = topology.total(1);
    long misoriented = topology.total(2);
    return new MeshReport(
        format,
        triangles,
        vertices,
        totals.box(),
        totals.area(),
        totals.volume(),
        boundary == 0 && nonManifold == 0,
        misoriented == 0,
        boundary,
        nonManifold,
        misoriented,
        totals.degenerate(),
        totals.normalMismatches() + normalMismatchesFoundBefore,
        shells);
  }

  /**
   * Welds a contiguous range of buckets: for every candidate (numbered across blocks in order)
   * finds the first candidate with the same coordinate bits, and sets {@code vertexOf[c]} to
   * its number ({@code c} itself for a first appearance). A bucket's candidates, gathered from
   * every block in order (so in the order of their numbers), go through an open-addressing table
   * small enough to stay in the processor's cache; coordinates are compared only between
   * candidates of equal hash.
   */
  private static final class Weld implements Parallel.Task {
    /** Beyond this many probes for one candidate, a bucket is welded through a HashMap. */
    private static final int MAX_PROBES = 64;

    private final List<MeshAccumulator> blocks;
    private final int[] firstCandidate;
    private final int[] vertexOf;
    private final int tasks;

    Weld(List<MeshAccumulator> blocks, int[] firstCandidate, int[] vertexOf, int tasks) {
      this.blocks = blocks;
      this.firstCandidate = firstCandidate;
      this.vertexOf = vertexOf;
      this.tasks = tasks;
    }

    @Override
    public void run(int task) {
      int buckets = blocks.get(0).bucketStart.length - 1;
      int from = rangeStart(buckets, tasks, task);
      int to = rangeStart(buckets, tasks, task + 1);
      int largest = 0;
      for (int k = from; k < to; k++) {
        largest = Math.max(largest, bucketSize(k));
      }
      // The candidates of the bucket being welded, in order: x, y, z bits and number.
      int[] gathered = new int[4 * Math.max(1, largest)];
      int[] table = new int[slotsFor(largest)];
      for (int k = from; k < to; k++) {
        int n = gather(k, gathered);
        if (!weldBucket(gathered, n, table)) {
          weldBucketThroughAMap(gathered, n);
        }
      }
    }

    private int bucketSize(int k) {
      int size = 0;
      for (MeshAccumulator block : blocks) {
        size += block.bucketStart[k + 1] - block.bucketStart[k];
      }
      return size;
    }

    /** Copies bucket {@code k}'s candidates from every block, in order; returns how many. */
    private int gather(int k, int[] into) {
      int n = 0;
      for (int b = 0; b < blocks.size(); b++) {
        MeshAccumulator block = blocks.get(b);
        int[] c = block.candidates;
        int[] order = block.candidateOrder;
        int first = firstCandidate[b];
        int end = block.bucketStart[k + 1];
        for (int p = block.bucketStart[k]; p < end; p++) {
          into[4 * n] = c[3 * p];
          into[4 * n + 1] = c[3 * p + 1];
          into[4 * n + 2] = c[3 * p + 2];
          into[4 * n + 3] = first + order[p];
          n++;
        }
      }
      return n;
    }

    /** Slots for a bucket of {@code size} candidates: a power of two, at most half full. */
    private static int slotsFor(int size) {
      return Integer.highestOneBit(Math.max(8, size * 2 - 1)) << 1;
    }

    /**
     * Welds the {@code n} gathered candidates: each slot of the table holds a candidate's index
     * in {@code g} plus one (0 when empty). False if the hashes collide so much that probing
     * gets too long.
     */
    private boolean weldBucket(int[] g, int n, int[] table) {
      int mask = slotsFor(n) - 1;
      Arrays.fill(table, 0, mask + 1, 0);
      int[] vertex = vertexOf;
      for (int i = 0; i < n; i++) {
        int x = g[4 * i];
        int y = g[4 * i + 1];
        int z = g[4 * i + 2];
        int slot = MeshAccumulator.hash(x, y, z) & mask;
        int probes = 0;
        while (true) {
          int stored = table[slot];
          if (stored == 0) {
            table[slot] = i + 1;
            vertex[g[4 * i + 3]] = g[4 * i + 3];
            break;
          }
          int other = 4 * (stored - 1);
          if (g[other] == x && g[other + 1] == y && g[other + 2] == z) {
            vertex[g[4 * i + 3]] = g[other + 3];
            break;
          }
          if (++probes > MAX_PROBES) {
            return false;
          }
          slot = (slot + 1) & mask;
        }
      }
      return true;
    }

    /** Welds a bucket whose hashes collide pathologically: a map that tolerates collisions. */
    private void weldBucketThroughAMap(int[] g, int n) {
      java.util.Map<Point, Integer> first = new java.util.HashMap<>();
      for (int i = 0; i < n; i++) {
        int number = g[4 * i + 3];
        Integer earlier = first.putIfAbsent(new Point(g[4 * i], g[4 * i + 1], g[4 * i + 2]),
            number);
        vertexOf[number] = earlier == null ? number : earlier;
      }
    }
  }

  /** Coordinate bits as a map key, for {@link Weld#weldBucketThroughAMap}. */
  private static final class Point implements Comparable<Point> {
    private final int x;
    private final int y;
    private final int z;

    Point(int x, int y, int z) {
      this.x = x;
      this.y = y;
      this.z = z;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Point p && p.x == x && p.y == y && p.z == z;
    }

    @Override
    public int hashCode() {
      return (x * 31 + y) * 31 + z;
    }

    @Override
    public int compareTo(Point p) {
      int c = Integer.compare(x, p.x);
      if (c == 0) {
        c = Integer.compare(y, p.y);
      }
      return c != 0 ? c : Integer.compare(z, p.z);
    }
  }

  /**
   * Turns {@code vertexOf} (each candidate's first equal candidate) into vertex numbers, dense
   * from 0 in order of first appearance; returns the number of vertices.
   */
  static int numberVertices(int[] vertexOf) {
    return numberVertices(vertexOf, new int[0], new int[0]);
  }

  /**
   * As {@link #numberVertices(int[])}, also noting in {@code numbersAt[i]} how many vertices
   * appeared before candidate {@code candidatesAt[i]} (ascending).
   */
  static int numberVertices(int[] vertexOf, int[] candidatesAt, int[] numbersAt) {
    int next = 0;
    int noted = 0;
    for (int c = 0; c < vertexOf.length; c++) {
      while (noted < candidatesAt.length && candidatesAt[noted] == c) {
        numbersAt[noted++] = next;
      }
      int first = vertexOf[c];
      // first <= c: a first appearance gets the next number, a repeat its first's (already set).
      vertexOf[c] = first == c ? next++ : vertexOf[first];
    }
    while (noted < candidatesAt.length) {
      numbersAt[noted++] = next;
    }
    return next;
  }

  /** Replaces, in a block, each corner's candidate number by its vertex number. */
  private record Renumber(List<MeshAccumulator> blocks, int[] firstCandidate, int[] vertexOf)
      implements Parallel.Task {
    @Override
    public void run(int b) {
      MeshAccumulator block = blocks.get(b);
      int[] corners = block.corners;
      int first = firstCandidate[b];
      int n = block.cornerCount;
      for (int k = 0; k < n; k++) {
        corners[k] = vertexOf[first + corners[k]];
      }
      block.candidates = null;
      block.candidateOrder = null;
    }
  }

  /** Splits {@code [0, size)} into {@code parts} contiguous ranges; returns the start of {@code part}. */
  static int rangeStart(int size, int parts, int part) {
    return (int) ((long) size * part / parts);
  }

  /**
   * Edges and shells, in two passes, each on every core. The blocks are split into groups of
   * consecutive blocks (a few per thread); since vertices are numbered in order of first
   * appearance, a group's triangles have only vertices below the first vertex of the next group,
   * and the group owns the vertices from its own first vertex up.
   *
   * <p>First pass, each group over its own triangles: a side whose lower vertex the group owns
   * goes to that vertex's slots (one per neighbour: the side's higher vertex and how often, and
   * in which directions, the side was used; neighbours beyond the slots spill into a list);
   * other sides, which run back to an earlier group's vertices, are passed on to that group.
   * The triangles' corners are joined by union-find within the group's own vertices (each group
   * writes only its own part of the forest, so the groups never meet); joins with earlier
   * groups' vertices wait. Second pass, each group: the sides passed on to it, then its counts.
   * Finally, on one thread, the joins that waited, and the roots.
   *
   * <p>The loops are written out without calls: C1, the JIT's quick compiler, inlines only tiny
   * methods. Triangles with a repeated vertex have no proper sides and are left out of the edge
   * counts.
   */
  static final class Topology {

    /** Neighbours recorded in place per vertex; more spill into a list. */
    private static final int SLOTS = 7;
    /** Ints per vertex: the number of slots used, then the slots. */
    private static final int STRIDE = SLOTS + 1;

    // A slot holds a neighbour (the side's higher vertex) << 3 | the side's state: how often it
    // was used, and in which directions.
    private static final int ONE_UP = 1; // once, from its lower vertex to its higher
    private static final int ONE_DOWN = 2; // once, from its higher vertex to its lower
    private static final int TWO_OPPOSITE = 3; // twice, once each way: as it should be
    private static final int TWO_SAME = 4; // twice the same way: misoriented
    private static final int MORE = 5; // three times or more: non-manifold
    /** The state after one more use: [state * 2 + (1 if the use runs downwards)]. */
    private static final int[] NEXT_STATE = {
      0, 0, // no state 0
      TWO_SAME, TWO_OPPOSITE, // after ONE_UP
      TWO_OPPOSITE, TWO_SAME, // after ONE_DOWN
      MORE, MORE,
      MORE, MORE,
      MORE, MORE,
    };

    private final int[][] corners;
    private final int[] cornerCounts;
    private final int[] groupStart;
    private final int[] vertexStart;
    private final int[] parent;
    private final int groups;
    // Per group, from the first pass to the second.
    private final int[][] slots;
    private final long[][] spill;
    private final int[] spilled;
    private final long[][] foreign;
    private final int[] foreignCount;
    private final long[][] deferred;
    private final int[] deferredCount;
    /** Per group: boundary, non-manifold and misoriented edges. */
    private final long[][] counts;

    /**
     * @param parent scratch for the union-find forest, at least as long as there are vertices
     */
    Topology(int[][] corners, int[] cornerCounts, int[] groupStart, int[] vertexStart,
        int[] parent) {
      this.corners = corners;
      this.cornerCounts = cornerCounts;
      this.groupStart = groupStart;
      this.vertexStart = vertexStart;
      this.parent = parent;
      this.groups = groupStart.length - 1;
      this.slots = new int[groups][];
      this.spill = new long[groups][];
      this.spilled = new int[groups];
      this.foreign = new long[groups][];
      this.foreignCount = new int[groups];
      this.deferred = new long[groups][];
      this.deferredCount = new int[groups];
      this.counts = new long[groups][];
    }

    Parallel.Task firstPass() {
      return new Parallel.Task() {
        @Override
        public void run(int g) {
          firstPass(g);
        }
      };
    }

    Parallel.Task secondPass() {
      return new Parallel.Task() {
        @Override
        public void run(int g) {
          secondPass(g);
        }
      };
    }

    long total(int which) {
      long total = 0;
      for (long[] count : counts) {
        total += count[which];
      }
      return total;
    }

    private void firstPass(int g) {
      int from = vertexStart[g];
      int size = vertexStart[g + 1] - from;
      int[] parent = this.parent;
      for (int v = from; v < from + size; v++) {
        parent[v] = v;
      }
      int[] slots = new int[Math.multiplyExact(size, STRIDE)];
      // A neighbour fits in a slot beside its state below 2^28 vertices; beyond, every side
      // spills (slower, but right).
      boolean packed = vertexStart[groups] <= 1 << 28;
      long[] spill = new long[16];
      int spilled = 0;
      long[] foreign = new long[16];
      int foreignCount = 0;
      long[] deferred = new long[16];
      int deferredCount = 0;
      for (int blk = groupStart[g]; blk < groupStart[g + 1]; blk++) {
        int[] c = corners[blk];
        int cornersInBlock = cornerCounts[blk];
        for (int k = 0; k < cornersInBlock; k += 3) {
          int a = c[k];
          int b = c[k + 1];
          int d = c[k + 2];
          // Shells: join a with b and with d.
          if (a >= from && b >= from) {
            int rx = a;
            while (parent[rx] != rx) {
              rx = parent[rx] = parent[parent[rx]];
            }
            int ry = b;
            while (parent[ry] != ry) {
              ry = parent[ry] = parent[parent[ry]];
            }
            if (rx < ry) {
              parent[ry] = rx;
            } else if (ry < rx) {
              parent[rx] = ry;
            }
          } else {
            deferred = add(deferred, deferredCount++, (long) a << 32 | b);
          }
          if (a >= from && d >= from) {
            int rx = a;
            while (parent[rx] != rx) {
              rx = parent[rx] = parent[parent[rx]];
            }
            int ry = d;
            while (parent[ry] != ry) {
              ry = parent[ry] = parent[parent[ry]];
            }
            if (rx < ry) {
              parent[ry] = rx;
            } else if (ry < rx) {
              parent[rx] = ry;
            }
          } else {
            deferred = add(deferred, deferredCount++, (long) a << 32 | d);
          }
          if (a == b || b == d || a == d) {
            continue;
          }
          // Edges: every vertex here is below the next group's first; the lower vertex of a
          // side is the group's own if it is not below the group's first.
          int m;
          int higher;
          int step;
          m = a < b ? a : b;
          higher = a < b ? b : a;
          step = a < b ? 0 : 1;
          if (m >= from) {
            int at = (m - from) * STRIDE;
            int last = at + 1 + slots[at];
            int s = at + 1;
            while (s < last && slots[s] >>> 3 != higher) {
              s++;
            }
            if (s < last) {
              slots[s] = slots[s] & ~7 | NEXT_STATE[(slots[s] & 7) * 2 + step];
            } else if (last - at <= SLOTS && packed) {
              slots[last] = higher << 3 | ONE_UP + step;
              slots[at]++;
            } else {
              spill = add(spill, spilled++, (long) m << 32 | (long) higher << 1 | step);
            }
          } else {
            foreign = add(foreign, foreignCount++, (long) m << 32 | (long) higher << 1 | step);
          }
          m = b < d ? b : d;
          higher = b < d ? d : b;
          step = b < d ? 0 : 1;
          if (m >= from) {
            int at = (m - from) * STRIDE;
            int last = at + 1 + slots[at];
            int s = at + 1;
            while (s < last && slots[s] >>> 3 != higher) {
              s++;
            }
            if (s < last) {
              slots[s] = slots[s] & ~7 | NEXT_STATE[(slots[s] & 7) * 2 + step];
            } else if (last - at <= SLOTS && packed) {
              slots[last] = higher << 3 | ONE_UP + step;
              slots[at]++;
            } else {
              spill = add(spill, spilled++, (long) m << 32 | (long) higher << 1 | step);
            }
          } else {
            foreign = add(foreign, foreignCount++, (long) m << 32 | (long) higher << 1 | step);
          }
          m = d < a ? d : a;
          higher = d < a ? a : d;
          step = d < a ? 0 : 1;
          if (m >= from) {
            int at = (m - from) * STRIDE;
            int last = at + 1 + slots[at];
            int s = at + 1;
            while (s < last && slots[s] >>> 3 != higher) {
              s++;
            }
            if (s < last) {
              slots[s] = slots[s] & ~7 | NEXT_STATE[(slots[s] & 7) * 2 + step];
            } else if (last - at <= SLOTS && packed) {
              slots[last] = higher << 3 | ONE_UP + step;
              slots[at]++;
            } else {
              spill = add(spill, spilled++, (long) m << 32 | (long) higher << 1 | step);
            }
          } else {
            foreign = add(foreign, foreignCount++, (long) m << 32 | (long) higher << 1 | step);
          }
        }
      }
      this.slots[g] = slots;
      this.spill[g] = spill;
      this.spilled[g] = spilled;
      this.foreign[g] = foreign;
      this.foreignCount[g] = foreignCount;
      this.deferred[g] = deferred;
      this.deferredCount[g] = deferredCount;
    }

    private void secondPass(int g) {
      int from = vertexStart[g];
      int to = vertexStart[g + 1];
      int[] slots = this.slots[g];
      long[] spill = this.spill[g];
      int spilled = this.spilled[g];
      boolean packed = vertexStart[groups] <= 1 << 28;
      // The sides later groups passed on to this one.
      for (int h = g + 1; h < groups; h++) {
        long[] sides = foreign[h];
        for (int i = 0; i < foreignCount[h]; i++) {
          long side = sides[i];
          int m = (int) (side >>> 32);
          if (m < from || m >= to) {
            continue;
          }
          int higher = (int) side >>> 1;
          int step = (int) side & 1;
          int at = (m - from) * STRIDE;
          int last = at + 1 + slots[at];
          int s = at + 1;
          while (s < last && slots[s] >>> 3 != higher) {
            s++;
          }
          if (s < last) {
            slots[s] = slots[s] & ~7 | NEXT_STATE[(slots[s] & 7) * 2 + step];
          } else if (last - at <= SLOTS && packed) {
            slots[last] = higher << 3 | ONE_UP + step;
            slots[at]++;
          } else {
            spill = add(spill, spilled++, side);
          }
        }
      }
      long boundary = 0;
      long nonManifold = 0;
      long misoriented = 0;
      for (int at = 0; at < slots.length; at += STRIDE) {
        int last = at + 1 + slots[at];
        for (int s = at + 1; s < last; s++) {
          int state = slots[s] & 7;
          if (state <= ONE_DOWN) {
            boundary++;
          } else if (state == TWO_SAME) {
            misoriented++;
          } else if (state == MORE) {
            nonManifold++;
          }
        }
      }
      // The spilled sides, (lower << 32 | higher << 1 | downwards): grouped by sorting.
      Arrays.sort(spill, 0, spilled);
      int i = 0;
      while (i < spilled) {
        long side = spill[i] >>> 1;
        int uses = 0;
        int downwards = 0;
        while (i < spilled && spill[i] >>> 1 == side) {
          downwards += (int) (spill[i] & 1);
          uses++;
          i++;
        }
        if (uses == 1) {
          boundary++;
        } else if (uses > 2) {
          nonManifold++;
        } else if (downwards != 1) {
          misoriented++;
        }
      }
      counts[g] = new long[] {boundary, nonManifold, misoriented};
      this.slots[g] = null;
      this.spill[g] = null;
    }

    /** The joins that waited, then the number of roots: the shells. */
    int shells(int vertices) {
      int[] parent = this.parent;
      for (int g = 0; g < groups; g++) {
        long[] pairs = deferred[g];
        for (int i = 0; i < deferredCount[g]; i++) {
          int x = (int) (pairs[i] >>> 32);
          int y = (int) pairs[i];
          while (parent[x] != x) {
            x = parent[x] = parent[parent[x]];
          }
          while (parent[y] != y) {
            y = parent[y] = parent[parent[y]];
          }
          if (x < y) {
            parent[y] = x;
          } else if (y < x) {
            parent[x] = y;
          }
        }
      }
      int roots = 0;
      for (int v = 0; v < vertices; v++) {
        if (parent[v] == v) {
          roots++;
        }
      }
      return roots;
    }

    /** Appends to a list, growing it if needed; returns the list. */
    private static long[] add(long[] list, int at, long value) {
      if (at == list.length) {
        list = Arrays.copyOf(list, at * 2);
      }
      list[at] = value;
      return list;
    }
  }
}
