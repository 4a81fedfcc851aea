package org.fabrique.jstl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The analysis against a reference written the plain way (hash maps of boxed keys), on random
 * meshes full of what the fast paths must get right: shared, repeated and -0.0 corners, flipped,
 * repeated and degenerate triangles, vertices with many neighbours, several shells, and corners
 * whose hashes collide.
 */
class TopologyPropertyTest {

  /** What the reference computes. */
  record Topology(int vertices, long boundary, long nonManifold, long misoriented,
      long degenerate, int shells) {

    static Topology of(MeshReport report) {
      return new Topology(report.vertices(), report.boundaryEdges(), report.nonManifoldEdges(),
          report.misorientedEdges(), report.degenerateTriangles(), report.shells());
    }
  }

  static Topology reference(float[] c) {
    Map<List<Integer>, Integer> numbers = new HashMap<>();
    int triangles = c.length / 9;
    int[] corner = new int[triangles * 3];
    for (int k = 0; k < triangles * 3; k++) {
      List<Integer> key = List.of(Float.floatToIntBits(c[3 * k] + 0.0f),
          Float.floatToIntBits(c[3 * k + 1] + 0.0f), Float.floatToIntBits(c[3 * k + 2] + 0.0f));
      corner[k] = numbers.computeIfAbsent(key, unused -> numbers.size());
    }
    int vertices = numbers.size();
    Map<Long, int[]> uses = new HashMap<>(); // (lower, higher) -> {uses, downwards}
    long degenerate = 0;
    int[] parent = new int[vertices];
    for (int v = 0; v < vertices; v++) {
      parent[v] = v;
    }
    for (int t = 0; t < triangles; t++) {
      int[] v = {corner[3 * t], corner[3 * t + 1], corner[3 * t + 2]};
      union(parent, v[0], v[1]);
      union(parent, v[0], v[2]);
      double[] p = new double[9];
      for (int k = 0; k < 9; k++) {
        p[k] = c[9 * t + k];
      }
      double ux = p[3] - p[0];
      double uy = p[4] - p[1];
      double uz = p[5] - p[2];
      double vx = p[6] - p[0];
      double vy = p[7] - p[1];
      double vz = p[8] - p[2];
      if (uy * vz - uz * vy == 0 && uz * vx - ux * vz == 0 && ux * vy - uy * vx == 0) {
        degenerate++;
      }
      if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2]) {
        continue;
      }
      for (int s = 0; s < 3; s++) {
        int from = v[s];
        int to = v[(s + 1) % 3];
        long key = (long) Math.min(from, to) << 32 | Math.max(from, to);
        int[] count = uses.computeIfAbsent(key, unused -> new int[2]);
        count[0]++;
        count[1] += from > to ? 1 : 0;
      }
    }
    long boundary = 0;
    long nonManifold = 0;
    long misoriented = 0;
    for (int[] count : uses.values()) {
      if (count[0] == 1) {
        boundary++;
      } else if (count[0] > 2) {
        nonManifold++;
      } else if (count[1] != 1) {
        misoriented++;
      }
    }
    int shells = 0;
    for (int v = 0; v < vertices; v++) {
      if (find(parent, v) == v) {
        shells++;
      }
    }
    return new Topology(vertices, boundary, nonManifold, misoriented, degenerate, shells);
  }

  private static int find(int[] parent, int v) {
    while (parent[v] != v) {
      v = parent[v];
    }
    return v;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  /**
   * Random triangles over a grid of {@code side}³ points (so that corners repeat), with some
   * triangles repeated, flipped, degenerate, and -0.0 in place of 0.0.
   */
  static float[] randomMesh(SplittableRandom random, int triangles, int side) {
    float[] c = new float[triangles * 9];
    for (int t = 0; t < triangles; t++) {
      int kind = random.nextInt(20);
      if (kind == 0 && t > 0) { // a repeat of an earlier triangle, maybe flipped
        int earlier = random.nextInt(t);
        System.arraycopy(c, earlier * 9, c, t * 9, 9);
        if (random.nextBoolean()) {
          for (int axis = 0; axis < 3; axis++) {
            float swap = c[t * 9 + 3 + axis];
            c[t * 9 + 3 + axis] = c[t * 9 + 6 + axis];
            c[t * 9 + 6 + axis] = swap;
          }
        }
        continue;
      }
      for (int k = 0; k < 3; k++) {
        for (int axis = 0; axis < 3; axis++) {
          int g = random.nextInt(side);
          float value = g - side / 2;
          if (value == 0 && random.nextInt(4) == 0) {
            value = -0.0f;
          }
          c[t * 9 + k * 3 + axis] = value;
        }
      }
      if (kind == 1) { // a repeated corner
        System.arraycopy(c, t * 9, c, t * 9 + 3, 3);
      }
    }
    return c;
  }

  /** A fan: {@code spokes} triangles around one centre, a vertex with very many neighbours. */
  static float[] fan(int spokes, float z) {
    float[] c = new float[spokes * 9];
    for (int i = 0; i < spokes; i++) {
      double a0 = 2 * Math.PI * i / spokes;
      double a1 = 2 * Math.PI * (i + 1) / spokes;
      float[] triangle = {0, 0, z, (float) Math.cos(a0), (float) Math.sin(a0), z,
          (float) Math.cos(a1), (float) Math.sin(a1), z};
      if (i == spokes - 1) { // close the ring exactly
        triangle[6] = c[3];
        triangle[7] = c[4];
      }
      System.arraycopy(triangle, 0, c, i * 9, 9);
    }
    return c;
  }

  private static float[] concat(float[]... parts) {
    int length = 0;
    for (float[] part : parts) {
      length += part.length;
    }
    float[] all = new float[length];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private static void assertSameTopology(float[] c) throws StlException {
    Topology expected = reference(c);
    TriangleMesh mesh = TriangleMesh.of(c);
    MeshReport report = Stl.analyze(mesh);
    assertThat(Topology.of(report)).isEqualTo(expected);
    byte[] binary = StlBytes.binaryOf(mesh);
    assertThat(Reader.FILE.analyze(binary)).isEqualTo(report);
    assertThat(Topology.of(Reader.STREAM.analyze(binary))).isEqualTo(expected);
  }

  @Test
  void smallRandomMeshesMatchTheReference() throws StlException {
    SplittableRandom random = new SplittableRandom(4);
    for (int round = 0; round < 200; round++) {
      assertSameTopology(randomMesh(random, 1 + random.nextInt(60), 2 + random.nextInt(4)));
    }
  }

  @Test
  void largeRandomMeshesAnalysedInParallelMatchTheReference() throws StlException {
    SplittableRandom random = new SplittableRandom(5);
    // Over 32,768 triangles: every stage runs in parallel; over 131,072: several blocks, whose
    // groups pass sides and joins on to one another.
    assertSameTopology(randomMesh(random, 40_000, 12));
    assertSameTopology(randomMesh(random, 300_000, 50));
    // A torus in more blocks than there are processors: its last row closes on its first.
    TriangleMesh torus = Shapes.torus(1000, 300, 50, 15);
    MeshReport report = Stl.analyze(torus);
    assertThat(Topology.of(report)).isEqualTo(new Topology(300_000, 0, 0, 0, 0, 1));
    assertThat(Reader.FILE.analyze(StlBytes.binaryOf(torus))).isEqualTo(report);
  }

  @Test
  void verticesWithManyNeighboursMatchTheReference() throws StlException {
    SplittableRandom random = new SplittableRandom(6);
    float[] torus = Shapes.torus(300, 120, 50, 15).coordinates();
    assertSameTopology(concat(fan(200, 0), fan(7, 3), torus, fan(1000, -7)));
    // The same triangles in random order: no locality left for the recent-vertex cache.
    float[] shuffled = concat(fan(300, 1), torus);
    int triangles = shuffled.length / 9;
    for (int t = triangles - 1; t > 0; t--) {
      int other = random.nextInt(t + 1);
      float[] swap = Arrays.copyOfRange(shuffled, t * 9, t * 9 + 9);
      System.arraycopy(shuffled, other * 9, shuffled, t * 9, 9);
      System.arraycopy(swap, 0, shuffled, other * 9, 9);
    }
    assertSameTopology(shuffled);
  }

  @Test
  void cornersWhoseHashesCollideAreWeldedExactly() throws StlException {
    // Points whose hashes agree in their low 12 bits pile up in the welding table.
    List<float[]> points = new ArrayList<>();
    int target = MeshAccumulator.hash(0, 0, Float.floatToIntBits(1f)) & 0xfff;
    for (int i = 1; points.size() < 150; i++) {
      float z = i / 64f;
      if ((MeshAccumulator.hash(0, 0, Float.floatToIntBits(z)) & 0xfff) == target) {
        points.add(new float[] {0, 0, z});
      }
    }
    float[] c = new float[(points.size() - 2) * 9 * 2];
    int t = 0;
    for (int i = 0; i + 2 < points.size(); i++) {
      for (int k = 0; k < 3; k++) {
        System.arraycopy(points.get(i + k), 0, c, t * 9 + k * 3, 3);
      }
      t++;
      // and the same triangle from a point off the line, so that it is not degenerate
      System.arraycopy(points.get(i), 0, c, t * 9, 3);
      c[t * 9 + 3] = 1;
      System.arraycopy(points.get(i + 1), 0, c, t * 9 + 6, 3);
      t++;
    }
    assertSameTopology(c);
  }
}
