package org.fabrique.jstl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary STL: an 80-byte header, a little-endian unsigned 32-bit triangle count, then per triangle
 * a normal and three corners (twelve little-endian floats) and a 16-bit attribute.
 */
final class BinaryStl {

  static final int HEADER_BYTES = 84;
  static final int COUNT_OFFSET = 80;
  static final int TRIANGLE_BYTES = 50;

  /** Triangles per window, the unit of parallel reading (6.5 MB). */
  static final int WINDOW_TRIANGLES = 1 << 17;
  /** Triangles copied at a time from a window into float arrays (100 KB). */
  private static final int DECODE_CHUNK_TRIANGLES = 1 << 11;
  private static final byte[] WRITER_HEADER = header("binary STL written by Fabrique jstl");

  private BinaryStl() {}

  static long declaredCount(byte[] header) {
    return ByteBuffer.wrap(header, COUNT_OFFSET, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()
        & 0xffffffffL;
  }

  /** Checks the declared count against the limits; the count is not trusted for more. */
  private static void checkDeclaredCount(long count, StlLimits limits) throws StlException {
    if (count > limits.maxTriangles()) {
      throw StlException.atByte(StlError.TOO_MANY_TRIANGLES, COUNT_OFFSET,
          "the header declares " + count + " triangles, more than the limit of "
              + limits.maxTriangles());
    }
  }

  /**
   * Reads a file whose first {@link #HEADER_BYTES} (or all, if fewer) bytes are {@code head}, in
   * windows of {@link #WINDOW_TRIANGLES} triangles, in parallel when large; returns the windows'
   * consumers in file order.
   */
  static <C extends TriangleConsumer> List<C> read(FileChannel channel, long size, byte[] head,
      StlLimits limits, TriangleSink<C> sink) throws StlException {
    if (size < HEADER_BYTES) {
      throw StlException.atByte(StlError.TRUNCATED, size,
          "the input ends after " + size + " bytes, inside the 84-byte binary header");
    }
    long count = declaredCount(head);
    checkDeclaredCount(count, limits);
    checkSize(count, size);
    int triangles = (int) count;
    sink.begin(triangles);
    int perWindow = Math.min(triangles, WINDOW_TRIANGLES);
    int windows = (triangles + perWindow - 1) / perWindow;
    List<C> consumers = new ArrayList<>(windows);
    for (int w = 0; w < windows; w++) {
      int first = w * perWindow;
      consumers.add(sink.range(first, Math.min(perWindow, triangles - first)));
    }
    Parallel.forEach(windows,
        new ReadWindow<>(channel, triangles, perWindow, consumers, new Decoders()));
    return consumers;
  }

  /**
   * Reads window {@code w} of a file into its consumer, by positional reads of {@link
   * #DECODE_CHUNK_TRIANGLES} triangles into a direct buffer (a copy from the page cache into the
   * processor's cache; mapping the file would cost page faults, and unmapping it TLB flushes).
   */
  private record ReadWindow<C extends TriangleConsumer>(FileChannel channel, int triangles,
      int perWindow, List<C> consumers, Decoders decoders) implements Parallel.Task {
    @Override
    public void run(int w) throws StlException {
      int first = w * perWindow;
      int n = Math.min(perWindow, triangles - first);
      long offset = HEADER_BYTES + (long) first * TRIANGLE_BYTES;
      int chunk = DECODE_CHUNK_TRIANGLES;
      Decoder decoder = decoders.take();
      ByteBuffer buffer = decoder.direct;
      C consumer = consumers.get(w);
      for (int done = 0; done < n; done += chunk) {
        int m = Math.min(chunk, n - done);
        long position = offset + (long) done * TRIANGLE_BYTES;
        buffer.clear().limit(m * TRIANGLE_BYTES);
        try {
          while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
              throw new IOException("the file shrank while being read");
            }
          }
        } catch (IOException e) {
          throw Stl.readFailed(e);
        }
        decoder.decode(buffer, m, consumer, first + done, position);
      }
      consumer.finish();
      decoders.give(decoder); // not after a failure: a decoder is cheap
    }
  }

  /** Decoders with their direct buffers, reused from window to window. */
  private static final class Decoders {
    private final List<Decoder> free = new ArrayList<>();

    synchronized Decoder take() {
      if (free.isEmpty()) {
        Decoder decoder = new Decoder(DECODE_CHUNK_TRIANGLES);
        decoder.direct = ByteBuffer.allocateDirect(DECODE_CHUNK_TRIANGLES * TRIANGLE_BYTES)
            .order(ByteOrder.LITTLE_ENDIAN);
        return decoder;
      }
      return free.remove(free.size() - 1);
    }

    synchronized void give(Decoder decoder) {
      free.add(decoder);
    }
  }

  /** The file size must be exactly the header plus the declared triangles. */
  private static void checkSize(long count, long size) throws StlException {
    long expected = HEADER_BYTES + count * TRIANGLE_BYTES;
    if (size == expected) {
      if (count == 0) {
        throw StlException.atByte(StlError.NO_TRIANGLES, COUNT_OFFSET,
            "the header declares 0 triangles");
      }
      return;
    }
    long whole = (size - HEADER_BYTES) / TRIANGLE_BYTES;
    long partial = (size - HEADER_BYTES) % TRIANGLE_BYTES;
    if (partial == 0) {
      throw countMismatch(count, whole, size);
    }
    if (size < expected) {
      throw StlException.atTriangle(StlError.TRUNCATED, whole, HEADER_BYTES + whole * 50,
          "the input ends " + partial + " bytes into this 50-byte triangle; the header declares "
              + count + " triangles (" + expected + " bytes), the input has " + size + " bytes");
    }
    throw trailingBytes(count, size - expected);
  }

  private static StlException countMismatch(long declared, long held, long size) {
    return StlException.atByte(StlError.TRIANGLE_COUNT_MISMATCH, COUNT_OFFSET,
        "the header declares " + declared + " triangles but the input holds " + held + " ("
            + size + " bytes)");
  }

  private static StlException trailingBytes(long count, long extra) {
    long end = HEADER_BYTES + count * TRIANGLE_BYTES;
    return StlException.atByte(StlError.TRAILING_BYTES, end,
        extra + " bytes follow the last of the " + count
            + " declared triangles, not a whole number of 50-byte triangles");
  }

  /**
   * Reads a stream: the declared count is checked against the limits but memory grows only with
   * the triangles actually read.
   */
  static <C extends TriangleConsumer> C read(ByteSource source, StlLimits limits,
      TriangleSink<C> sink) throws StlException {
    byte[] header = new byte[HEADER_BYTES];
    int headerBytes = readFully(source, header, 0, HEADER_BYTES);
    if (headerBytes < HEADER_BYTES) {
      throw StlException.atByte(StlError.TRUNCATED, headerBytes,
          "the input ends after " + headerBytes + " bytes, inside the 84-byte binary header");
    }
    long count = declaredCount(header);
    checkDeclaredCount(count, limits);
    sink.begin(-1);
    C consumer = sink.range(-1, (int) Math.min(count, 1 << 16));
    int batchTriangles = 1 << 10;
    byte[] batch = new byte[batchTriangles * TRIANGLE_BYTES];
    ByteBuffer view = ByteBuffer.wrap(batch).order(ByteOrder.LITTLE_ENDIAN);
    Decoder decoder = new Decoder(batchTriangles);
    long read = 0;
    while (read < count) {
      int wanted = (int) Math.min(batchTriangles, count - read);
      int got = readFully(source, batch, 0, wanted * TRIANGLE_BYTES);
      int whole = got / TRIANGLE_BYTES;
      decoder.decode(view, whole, consumer, read, HEADER_BYTES + read * TRIANGLE_BYTES);
      read += whole;
      if (got < wanted * TRIANGLE_BYTES) {
        long size = HEADER_BYTES + read * TRIANGLE_BYTES + got % TRIANGLE_BYTES;
        if (got % TRIANGLE_BYTES == 0) {
          throw countMismatch(count, read, size);
        }
        throw StlException.atTriangle(StlError.TRUNCATED, read, HEADER_BYTES + read * 50,
            "the input ends " + (got % TRIANGLE_BYTES) + " bytes into this 50-byte triangle;"
                + " the header declares " + count + " triangles");
      }
    }
    consumer.finish();
    long extra = 0;
    int n;
    while ((n = source.read(batch, 0, batch.length)) >= 0) {
      extra += n;
    }
    if (extra > 0) {
      if (extra % TRIANGLE_BYTES == 0) {
        throw countMismatch(count, count + extra / TRIANGLE_BYTES,
            HEADER_BYTES + count * TRIANGLE_BYTES + extra);
      }
      throw trailingBytes(count, extra);
    }
    if (count == 0) {
      throw StlException.atByte(StlError.NO_TRIANGLES, COUNT_OFFSET,
          "the header declares 0 triangles");
    }
    return consumer;
  }

  private static int readFully(ByteSource source, byte[] into, int offset, int length)
      throws StlException {
    int total = 0;
    while (total < length) {
      int n = source.read(into, offset + total, length - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  /**
   * Decodes triangles from a little-endian buffer into a consumer, with working arrays reused
   * from call to call.
   *
   * <p>Records are 50 bytes, so the words of even triangles sit at multiples of four bytes from
   * the start and those of odd triangles two bytes further: two bulk copies through int views
   * (plain memory copies on little-endian hardware) replace twelve separate reads per triangle,
   * and the triangle's floats reach the consumer as their bits.
   */
  private static final class Decoder {
    private final int[] even;
    private final int[] odd;
    private float[] corners;
    /** For a file: the buffer its chunks are read into. */
    ByteBuffer direct;

    Decoder(int triangles) {
      even = new int[(triangles * TRIANGLE_BYTES + 3) / 4];
      odd = new int[(triangles * TRIANGLE_BYTES + 3) / 4];
    }

    /**
     * Decodes the {@code count} triangles at the start of {@code buffer} (at most as many as the
     * decoder was made for), the first being triangle {@code firstIndex} at {@code firstOffset}
     * in the input.
     */
    void decode(ByteBuffer buffer, int count, TriangleConsumer consumer, long firstIndex,
        long firstOffset) throws StlException {
      if (count == 0) {
        return;
      }
      int bytes = count * TRIANGLE_BYTES;
      buffer.slice(0, bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(even, 0, bytes / 4);
      buffer.slice(2, bytes - 2).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer()
          .get(odd, 0, (bytes - 2) / 4);
      MeshAccumulator accumulator =
          consumer instanceof MeshAccumulator analysing ? analysing : null;
      for (int t = 0; t < count; t++) {
        int[] words = (t & 1) == 0 ? even : odd;
        int f = (t >> 1) * 25 + ((t & 1) == 0 ? 0 : 12);
        if (accumulator != null ? !accumulator.addBinary(words, f) : !allFinite(words, f + 3)) {
          throw nonFinite(words, f + 3, firstIndex + t, firstOffset + (long) t * TRIANGLE_BYTES);
        }
        if (accumulator == null) {
          accept(words, f, consumer);
        }
      }
    }

    private void accept(int[] words, int f, TriangleConsumer consumer) throws StlException {
      if (corners == null) {
        corners = new float[9];
      }
      for (int k = 0; k < 9; k++) {
        corners[k] = Float.intBitsToFloat(words[f + 3 + k]);
      }
      consumer.accept(corners, Float.intBitsToFloat(words[f]), Float.intBitsToFloat(words[f + 1]),
          Float.intBitsToFloat(words[f + 2]));
    }
  }

  /** Whether the nine coordinates at {@code w[o..o+9)} are finite (exponent bits not all set). */
  private static boolean allFinite(int[] w, int o) {
    int e = 0x7f800000;
    return (w[o] & e) != e & (w[o + 1] & e) != e & (w[o + 2] & e) != e
        & (w[o + 3] & e) != e & (w[o + 4] & e) != e & (w[o + 5] & e) != e
        & (w[o + 6] & e) != e & (w[o + 7] & e) != e & (w[o + 8] & e) != e;
  }

  private static StlException nonFinite(int[] w, int o, long triangle, long triangleOffset) {
    float[] c = new float[9];
    for (int k = 0; k < 9; k++) {
      c[k] = Float.intBitsToFloat(w[o + k]);
    }
    return nonFinite(c, 0, triangle, triangleOffset);
  }

  private static StlException nonFinite(float[] c, int o, long triangle, long triangleOffset) {
    int k = 0;
    while (Float.isFinite(c[o + k])) {
      k++;
    }
    return StlException.atTriangle(StlError.NON_FINITE_COORDINATE, triangle,
        triangleOffset + 12 + 4L * k,
        Facets.axis(k % 3) + " of corner " + (k / 3) + " is " + c[o + k]);
  }

  static void write(TriangleMesh mesh, OutputStream out) throws IOException {
    int triangles = mesh.triangleCount();
    float[] c = mesh.coordinateArray();
    int batchTriangles = 1 << 12;
    ByteBuffer batch =
        ByteBuffer.allocate(batchTriangles * TRIANGLE_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    batch.put(WRITER_HEADER, 0, COUNT_OFFSET).putInt(triangles);
    float[] normal = new float[3];
    for (int t = 0; t < triangles; t++) {
      if (batch.remaining() < TRIANGLE_BYTES) {
        out.write(batch.array(), 0, batch.position());
        batch.clear();
      }
      int o = t * 9;
      unitNormal(c, o, normal);
      batch.putFloat(normal[0]).putFloat(normal[1]).putFloat(normal[2]);
      for (int k = 0; k < 9; k++) {
        batch.putFloat(c[o + k]);
      }
      batch.putShort((short) 0);
    }
    out.write(batch.array(), 0, batch.position());
  }

  /** The unit right-hand-rule normal of a triangle, or zero for a degenerate one. */
  static void unitNormal(float[] c, int o, float[] normal) {
    double ux = (double) c[o + 3] - c[o];
    double uy = (double) c[o + 4] - c[o + 1];
    double uz = (double) c[o + 5] - c[o + 2];
    double vx = (double) c[o + 6] - c[o];
    double vy = (double) c[o + 7] - c[o + 1];
    double vz = (double) c[o + 8] - c[o + 2];
    double nx = uy * vz - uz * vy;
    double ny = uz * vx - ux * vz;
    double nz = ux * vy - uy * vx;
    double length = Math.sqrt(nx * nx + ny * ny + nz * nz);
    if (length == 0 || !Double.isFinite(length)) {
      normal[0] = 0;
      normal[1] = 0;
      normal[2] = 0;
      return;
    }
    normal[0] = (float) (nx / length);
    normal[1] = (float) (ny / length);
    normal[2] = (float) (nz / length);
  }

  private static byte[] header(String text) {
    byte[] header = new byte[COUNT_OFFSET];
    java.util.Arrays.fill(header, (byte) ' ');
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, 0, bytes.length);
    return header;
  }
}
