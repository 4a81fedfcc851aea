package org.fabrique.jstl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** ASCII STL: streaming and parallel reading, and writing. */
final class AsciiStl {

  /** Below this size a file is parsed on the calling thread. */
  private static final long PARALLEL_MIN_BYTES = 4L << 20;
  private static final long BYTES_PER_RANGE = 4L << 20;
  private static final int MAX_RANGES = 256;
  /** Typical size of a facet in exporters' layout, to size buffers. */
  private static final int BYTES_PER_FACET = 256;
  /** How far past a nominal split point to look for an {@code endfacet}. */
  private static final int BOUNDARY_SEARCH_BYTES = 1 << 20;
  private static final byte[] ENDFACET = "endfacet".getBytes(StandardCharsets.US_ASCII);

  private AsciiStl() {}

  static <C extends TriangleConsumer> C read(ByteSource source, StlLimits limits,
      TriangleSink<C> sink) throws StlException {
    sink.begin(-1);
    C consumer = sink.range(-1, 1 << 12);
    new AsciiParser(source, 0, limits.maxTriangles(), consumer).parseWhole();
    return consumer;
  }

  /**
   * Reads a file in ranges that end just after an {@code endfacet}, in parallel; returns the
   * ranges' consumers in file order. Should any range fail (a real error, or a split that cut a
   * name in two), the whole file is parsed again from the start into a fresh sink, which gives the
   * exact error and its line.
   */
  static <C extends TriangleConsumer> List<C> read(FileChannel channel, long size,
      StlLimits limits, Supplier<TriangleSink<C>> sinks) throws StlException {
    long[] bounds = size < PARALLEL_MIN_BYTES
        ? new long[] {0, size}
        : rangeBounds(channel, size);
    int ranges = bounds.length - 1;
    if (ranges > 1) {
      TriangleSink<C> sink = sinks.get();
      sink.begin(-1);
      List<C> consumers = new ArrayList<>(ranges);
      for (int i = 0; i < ranges; i++) {
        consumers.add(sink.range(-1, (int) ((bounds[i + 1] - bounds[i]) / BYTES_PER_FACET)));
      }
      long[] counts = new long[ranges];
      try {
        Parallel.forEach(ranges,
            new ParseRange<>(channel, bounds, limits, consumers, counts, new Buffers()));
        long total = 0;
        for (long count : counts) {
          total += count;
        }
        if (total <= limits.maxTriangles()) {
          return consumers;
        }
      } catch (StlException rangeFailed) {
        // Parsed again below, sequentially, for the exact error.
      }
      consumers.clear();
    }
    return List.of(read(ByteSource.of(channel, 0, size), limits, sinks.get()));
  }

  /** Parses range {@code i} of a file into its consumer. */
  private record ParseRange<C extends TriangleConsumer>(FileChannel channel, long[] bounds,
      StlLimits limits, List<C> consumers, long[] counts, Buffers buffers)
      implements Parallel.Task {
    @Override
    public void run(int i) throws StlException {
      int ranges = bounds.length - 1;
      byte[] buffer = buffers.take();
      AsciiParser parser = new AsciiParser(ByteSource.of(channel, bounds[i], bounds[i + 1]),
          bounds[i], limits.maxTriangles(), consumers.get(i), buffer);
      parser.parseRange(i == 0, i == ranges - 1);
      counts[i] = parser.triangleCount();
      buffers.give(buffer); // not after a failure: the exception may still need the buffer
    }
  }

  /** Parser buffers, reused from range to range (a thread parses one range at a time). */
  private static final class Buffers {
    private final List<byte[]> free = new ArrayList<>();

    synchronized byte[] take() {
      return free.isEmpty() ? new byte[AsciiParser.BUFFER_SIZE] : free.remove(free.size() - 1);
    }

    synchronized void give(byte[] buffer) {
      free.add(buffer);
    }
  }

  /** Split points: just after an {@code endfacet} token and the whitespace byte that ends it. */
  private static long[] rangeBounds(FileChannel channel, long size) throws StlException {
    // As many ranges on any machine, so that sums are taken in the same order everywhere.
    int wanted = (int) Math.min(MAX_RANGES, (size + BYTES_PER_RANGE - 1) / BYTES_PER_RANGE);
    long[] bounds = new long[wanted + 1];
    int count = 0;
    bounds[count++] = 0;
    for (int i = 1; i < wanted; i++) {
      long nominal = size * i / wanted;
      if (nominal <= bounds[count - 1]) {
        continue;
      }
      long split = splitAfterEndfacet(channel, nominal, size);
      if (split > bounds[count - 1] && split < size) {
        bounds[count++] = split;
      }
    }
    bounds[count++] = size;
    return Arrays.copyOf(bounds, count);
  }

  private static long splitAfterEndfacet(FileChannel channel, long from, long size)
      throws StlException {
    // A facet is a few hundred bytes: look in a small window first, and in a larger one (from
    // the same place, so with the same result) only if it holds no endfacet.
    int limit = (int) Math.min(BOUNDARY_SEARCH_BYTES, size - from);
    int length = Math.min(limit, 1 << 13);
    while (true) {
      ByteBuffer window = ByteBuffer.allocate(length);
      try {
        while (window.hasRemaining()) {
          if (channel.read(window, from + window.position()) < 0) {
            break;
          }
        }
      } catch (IOException e) {
        throw Stl.readFailed(e);
      }
      byte[] bytes = window.array();
      int end = window.position();
      for (int i = 1; i + ENDFACET.length < end; i++) {
        if (AsciiParser.isWhitespace(bytes[i - 1])
            && matchesIgnoreCase(bytes, i, ENDFACET)
            && AsciiParser.isWhitespace(bytes[i + ENDFACET.length])) {
          return from + i + ENDFACET.length + 1;
        }
      }
      if (length == limit || end < length) {
        return -1;
      }
      length = (int) Math.min(limit, 4L * length);
    }
  }

  private static boolean matchesIgnoreCase(byte[] bytes, int at, byte[] lowerKeyword) {
    for (int k = 0; k < lowerKeyword.length; k++) {
      if ((bytes[at + k] | 0x20) != lowerKeyword[k]) {
        return false;
      }
    }
    return true;
  }

  /** Writes the mesh in the layout most exporters use, numbers in round-tripping scientific form. */
  static void write(TriangleMesh mesh, String solidName, OutputStream out) throws IOException {
    String name = solidName.replaceAll("\\s+", "_");
    float[] c = mesh.coordinateArray();
    StringBuilder text = new StringBuilder(1 << 17);
    text.append("solid ").append(name).append('\n');
    float[] normal = new float[3];
    for (int t = 0; t < mesh.triangleCount(); t++) {
      int o = t * 9;
      BinaryStl.unitNormal(c, o, normal);
      text.append("  facet normal ");
      vector(text, normal[0], normal[1], normal[2]);
      text.append("\n    outer loop\n");
      for (int corner = 0; corner < 3; corner++) {
        text.append("      vertex ");
        vector(text, c[o + corner * 3], c[o + corner * 3 + 1], c[o + corner * 3 + 2]);
        text.append('\n');
      }
      text.append("    endloop\n  endfacet\n");
      if (text.length() > (1 << 16)) {
        out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        text.setLength(0);
      }
    }
    text.append("endsolid ").append(name).append('\n');
    out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private static void vector(StringBuilder text, float x, float y, float z) {
    scientific(text, x);
    text.append(' ');
    scientific(text, y);
    text.append(' ');
    scientific(text, z);
  }

  /**
   * Appends {@code value} as {@code d.ddde+XX} with the digits of {@link Float#toString}, which
   * read back to the same float.
   */
  static void scientific(StringBuilder text, float value) {
    String plain = Float.toString(Math.abs(value));
    int exponentMark = plain.indexOf('E');
    String mantissa = exponentMark < 0 ? plain : plain.substring(0, exponentMark);
    int exponent = exponentMark < 0 ? 0 : Integer.parseInt(plain.substring(exponentMark + 1));
    int point = mantissa.indexOf('.');
    String digits = mantissa.substring(0, point) + mantissa.substring(point + 1);
    exponent += point - 1;
    int firstNonZero = 0;
    while (firstNonZero < digits.length() - 1 && digits.charAt(firstNonZero) == '0') {
      firstNonZero++;
    }
    exponent -= firstNonZero;
    int lastNonZero = digits.length() - 1;
    while (lastNonZero > firstNonZero && digits.charAt(lastNonZero) == '0') {
      lastNonZero--;
    }
    if (value < 0 || (value == 0 && 1 / value < 0)) {
      text.append('-');
    }
    if (digits.charAt(firstNonZero) == '0') {
      text.append("0.0e+00");
      return;
    }
    text.append(digits.charAt(firstNonZero)).append('.');
    if (lastNonZero > firstNonZero) {
      text.append(digits, firstNonZero + 1, lastNonZero + 1);
    } else {
      text.append('0');
    }
    text.append(exponent < 0 ? "e-" : "e+");
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) {
      text.append('0');
    }
    text.append(magnitude);
  }
}
