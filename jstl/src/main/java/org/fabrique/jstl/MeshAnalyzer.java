package org.fabrique.jstl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes a {@link MeshReport} without per-triangle or per-vertex objects: geometry and welding
 * in one parallel pass ({@link MeshAccumulator}), then edges grouped in a compressed adjacency
 * array keyed by their lower vertex, and shells by union-find.
 */
final class MeshAnalyzer {

  /** Triangles per range of a mesh analysed in parallel. */
  static final int RANGE_TRIANGLES = BinaryStl.WINDOW_TRIANGLES;

  /** Below this many triangles every step runs on the calling thread. */
  private static final int PARALLEL_MIN_TRIANGLES = 1 << 15;

  private MeshAnalyzer() {}

  static MeshReport analyze(TriangleMesh mesh) {
    float[] c = mesh.coordinateArray();
    int triangles = mesh.triangleCount();
    // Ranges as large as the binary reader's windows: reading then analysing sums in the same
    // order as analysing while reading, whatever the number of processors.
    int ranges = Math.max(1, (triangles + RANGE_TRIANGLES - 1) / RANGE_TRIANGLES);
    Sink sink = new Sink();
    sink.begin(triangles);
    List<MeshAccumulator> accumulators = new ArrayList<>(ranges);
    for (int r = 0; r < ranges; r++) {
      int from = r * RANGE_TRIANGLES;
      accumulators.add(sink.range(from, Math.min(RANGE_TRIANGLES, triangles - from)));
    }
    Parallel.run(ranges, r -> {
      MeshAccumulator accumulator = accumulators.get(r);
      int end = Math.min(triangles, (r + 1) * RANGE_TRIANGLES);
      for (int t = r * RANGE_TRIANGLES; t < end; t++) {
        accumulator.add(c, t * 9);
      }
    });
    return report(mesh.format(), accumulators, mesh.normalMismatches());
  }

  /** Creates the accumulators of one reading, sharing one vertex index. */
  static final class Sink implements TriangleSink<MeshAccumulator> {
    private VertexIndex index;
    private int[] corners;

    @Override
    public void begin(long triangles) {
      // A closed mesh has about half as many vertices as triangles.
      index = new VertexIndex(triangles >= 0 ? (int) (triangles / 2) : 1 << 12);
      corners = triangles >= 0 ? new int[Math.toIntExact(triangles * 3)] : null;
    }

    @Override
    public MeshAccumulator range(int firstTriangle, int expectedTriangles) {
      return corners != null && firstTriangle >= 0
          ? new MeshAccumulator(index, corners, firstTriangle)
          : new MeshAccumulator(index, expectedTriangles);
    }
  }

  /** The report on everything the accumulators of one mesh saw. */
  static MeshReport report(
      StlFormat format, List<MeshAccumulator> ranges, long normalMismatchesFoundBefore) {
    MeshAccumulator.Totals totals = MeshAccumulator.merge(ranges);
    int vertices = ranges.get(0).index().size();
    int triangles = totals.triangles();
    boolean parallel = triangles >= PARALLEL_MIN_TRIANGLES && Parallel.threads() > 1;
    Edges edges = Edges.count(totals.cornerVertex(), triangles, vertices, parallel);
    int shells = shells(totals.cornerVertex(), triangles, vertices);
    return new MeshReport(
        format,
        triangles,
        vertices,
        totals.box(),
        totals.area(),
        totals.volume(),
        edges.boundary() == 0 && edges.nonManifold() == 0,
        edges.misoriented() == 0,
        edges.boundary(),
        edges.nonManifold(),
        edges.misoriented(),
        totals.degenerate(),
        totals.normalMismatches() + normalMismatchesFoundBefore,
        shells);
  }

  /** Connected components of the graph whose edges are the triangles' sides. */
  static int shells(int[] cornerVertex, int triangles, int vertices) {
    int[] parent = new int[vertices];
    for (int v = 0; v < vertices; v++) {
      parent[v] = v;
    }
    for (int t = 0; t < triangles; t++) {
      int a = cornerVertex[3 * t];
      union(parent, a, cornerVertex[3 * t + 1]);
      union(parent, a, cornerVertex[3 * t + 2]);
    }
    int roots = 0;
    for (int v = 0; v < vertices; v++) {
      if (parent[v] == v) {
        roots++;
      }
    }
    return roots;
  }

  private static void union(int[] parent, int a, int b) {
    int rootA = find(parent, a);
    int rootB = find(parent, b);
    if (rootA < rootB) {
      parent[rootB] = rootA;
    } else if (rootB < rootA) {
      parent[rootA] = rootB;
    }
  }

  private static int find(int[] parent, int v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }

  /** Splits {@code [0, size)} into {@code parts} contiguous ranges; returns the start of {@code part}. */
  static int rangeStart(int size, int parts, int part) {
    return (int) ((long) size * part / parts);
  }

  /** Edge usage: boundary, non-manifold and misoriented edges. */
  record Edges(long boundary, long nonManifold, long misoriented) {

    /**
     * Groups the three sides of every triangle by their lower vertex (a compressed adjacency
     * array: one int per side, {@code higher << 1 | direction}), then counts, per vertex, how
     * often and in which directions each side is used. Triangles with a repeated vertex have no
     * proper sides and are left out.
     */
    static Edges count(int[] cornerVertex, int triangles, int vertices, boolean parallel) {
      int[] start = new int[vertices + 1];
      for (int t = 0; t < triangles; t++) {
        int a = cornerVertex[3 * t];
        int b = cornerVertex[3 * t + 1];
        int d = cornerVertex[3 * t + 2];
        if (a != b && b != d && a != d) {
          start[Math.min(a, b) + 1]++;
          start[Math.min(b, d) + 1]++;
          start[Math.min(d, a) + 1]++;
        }
      }
      for (int v = 0; v < vertices; v++) {
        start[v + 1] += start[v];
      }
      int[] sides = new int[start[vertices]];
      for (int t = 0; t < triangles; t++) {
        int a = cornerVertex[3 * t];
        int b = cornerVertex[3 * t + 1];
        int d = cornerVertex[3 * t + 2];
        if (a != b && b != d && a != d) {
          addSide(start, sides, a, b);
          addSide(start, sides, b, d);
          addSide(start, sides, d, a);
        }
      }
      // addSide advanced each start to the next vertex's start: shift back by one.
      System.arraycopy(start, 0, start, 1, vertices);
      start[0] = 0;
      int ranges = parallel ? Parallel.threads() * 8 : 1;
      long[][] counts = new long[ranges][];
      Parallel.run(ranges, r -> counts[r] = countRange(start, sides,
          rangeStart(vertices, ranges, r), rangeStart(vertices, ranges, r + 1)));
      long boundary = 0;
      long nonManifold = 0;
      long misoriented = 0;
      for (long[] count : counts) {
        boundary += count[0];
        nonManifold += count[1];
        misoriented += count[2];
      }
      return new Edges(boundary, nonManifold, misoriented);
    }

    private static void addSide(int[] start, int[] sides, int from, int to) {
      if (from < to) {
        sides[start[from]++] = to << 1;
      } else {
        sides[start[to]++] = from << 1 | 1;
      }
    }

    private static long[] countRange(int[] start, int[] sides, int fromVertex, int toVertex) {
      long boundary = 0;
      long nonManifold = 0;
      long misoriented = 0;
      for (int v = fromVertex; v < toVertex; v++) {
        int begin = start[v];
        int end = start[v + 1];
        sort(sides, begin, end);
        int i = begin;
        while (i < end) {
          int other = sides[i] >>> 1;
          int uses = 0;
          int reversed = 0;
          while (i < end && sides[i] >>> 1 == other) {
            reversed += sides[i] & 1;
            uses++;
            i++;
          }
          if (uses == 1) {
            boundary++;
          } else if (uses > 2) {
            nonManifold++;
          } else if (reversed != 1) {
            misoriented++;
          }
        }
      }
      return new long[] {boundary, nonManifold, misoriented};
    }

    private static void sort(int[] a, int from, int to) {
      if (to - from > 24) {
        Arrays.sort(a, from, to);
        return;
      }
      for (int i = from + 1; i < to; i++) {
        int value = a[i];
        int j = i - 1;
        while (j >= from && a[j] > value) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = value;
      }
    }
  }
}
