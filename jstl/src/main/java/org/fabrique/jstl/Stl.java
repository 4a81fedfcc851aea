package org.fabrique.jstl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Supplier;

/**
 * Entry point: read, analyse and write STL meshes.
 *
 * <p>Format detection: a file whose size is exactly {@code 84 + 50 × n}, where {@code n} is the
 * count its header declares, is binary even if its header begins with {@code solid}. Otherwise an
 * input whose first 84 bytes are whitespace, or begin (after optional whitespace) with {@code
 * solid} and hold no NUL byte, is ASCII; anything else is binary. A stream's size is unknown, so
 * only the second rule applies to it.
 */
public final class Stl {

  private Stl() {}

  /** Reads a file with {@link StlLimits#defaults()}, in parallel when large. */
  public static TriangleMesh read(Path file) throws StlException {
    return read(file, StlLimits.defaults());
  }

  /** Reads a file, both formats in parallel ranges when large. */
  public static TriangleMesh read(Path file, StlLimits limits) throws StlException {
    Ranges<TriangleConsumer> read = readFile(file, limits, new MeshBuilders());
    return MeshBuilder.build(read.consumers(), read.format());
  }

  /**
   * Reads a stream (an upload) with memory bounded by the limits: a binary header's triangle count
   * is never trusted for allocation, and reading stops with {@link StlError#TOO_LARGE} as soon as
   * more than {@link StlLimits#maxBytes()} have come. The stream is read to its end but not closed.
   */
  public static TriangleMesh read(InputStream in, StlLimits limits) throws StlException {
    Ranges<TriangleConsumer> read = readStream(in, limits, new MeshBuilder());
    return MeshBuilder.build(read.consumers(), read.format());
  }

  /** Counts, measures and checks the topology of a mesh, in parallel when it is large. */
  public static MeshReport analyze(TriangleMesh mesh) {
    return MeshAnalyzer.analyze(mesh);
  }

  /**
   * Reads and analyses a file in one pass, without keeping its coordinates: faster than {@code
   * analyze(read(file))} and needs about half the memory: the analysis peaks at about 40 bytes
   * per triangle (a closed mesh), which {@code analyze(read(file))} adds to the 36 bytes per
   * triangle of the coordinates.
   */
  public static MeshReport analyze(Path file, StlLimits limits) throws StlException {
    Timings timings = Timings.start();
    Ranges<MeshAccumulator> read = readFile(file, limits, new AnalyzerSinks());
    timings.lap("read");
    return MeshAnalyzer.report(read.format(), read.consumers(), 0);
  }

  /**
   * Reads and analyses a stream in one pass, with memory bounded by the limits and without
   * keeping the coordinates. The stream is read to its end but not closed.
   */
  public static MeshReport analyze(InputStream in, StlLimits limits) throws StlException {
    Ranges<MeshAccumulator> read = readStream(in, limits, new MeshAnalyzer.Sink());
    return MeshAnalyzer.report(read.format(), read.consumers(), 0);
  }

  private record Ranges<C extends TriangleConsumer>(StlFormat format, List<C> consumers) {}

  // Named classes rather than method references: a command that lasts a fraction of a second
  // should not spend milliseconds linking its first lambda.
  private static final class MeshBuilders implements Supplier<TriangleSink<TriangleConsumer>> {
    @Override
    public TriangleSink<TriangleConsumer> get() {
      return new MeshBuilder();
    }
  }

  private static final class AnalyzerSinks implements Supplier<TriangleSink<MeshAccumulator>> {
    @Override
    public TriangleSink<MeshAccumulator> get() {
      return new MeshAnalyzer.Sink();
    }
  }

  private static <C extends TriangleConsumer> Ranges<C> readFile(
      Path file, StlLimits limits, Supplier<TriangleSink<C>> sinks) throws StlException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        throw StlException.of(StlError.EMPTY_FILE, "the input is empty");
      }
      if (size > limits.maxBytes()) {
        throw StlException.of(StlError.TOO_LARGE, "the input has " + size
            + " bytes, more than the limit of " + limits.maxBytes() + " bytes");
      }
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, BinaryStl.HEADER_BYTES));
      while (head.hasRemaining() && channel.read(head, head.position()) >= 0) {
        // positional reads until the header is complete
      }
      if (detect(head.array(), head.position(), size) == StlFormat.ASCII) {
        return new Ranges<>(StlFormat.ASCII, AsciiStl.read(channel, size, limits, sinks));
      }
      return new Ranges<>(StlFormat.BINARY,
          BinaryStl.read(channel, size, head.array(), limits, sinks.get()));
    } catch (IOException e) {
      throw readFailed(e);
    }
  }

  private static <C extends TriangleConsumer> Ranges<C> readStream(
      InputStream in, StlLimits limits, TriangleSink<C> sink) throws StlException {
    byte[] head = new byte[BinaryStl.HEADER_BYTES];
    int length = 0;
    try {
      int n;
      while (length < head.length && (n = in.read(head, length, head.length - length)) >= 0) {
        length += n;
      }
    } catch (IOException e) {
      throw readFailed(e);
    }
    if (length == 0) {
      throw StlException.of(StlError.EMPTY_FILE, "the input is empty");
    }
    if (length > limits.maxBytes()) {
      throw StlException.of(StlError.TOO_LARGE,
          "the input has more than the limit of " + limits.maxBytes() + " bytes");
    }
    ByteSource source = ByteSource.of(head, length, in, limits.maxBytes());
    if (detect(head, length, -1) == StlFormat.ASCII) {
      return new Ranges<>(StlFormat.ASCII, List.of(AsciiStl.read(source, limits, sink)));
    }
    return new Ranges<>(StlFormat.BINARY, List.of(BinaryStl.read(source, limits, sink)));
  }

  /**
   * Writes a binary STL, normals recomputed from the winding. The header does not begin with
   * {@code solid}. The stream is not closed.
   */
  public static void writeBinary(TriangleMesh mesh, OutputStream out) throws IOException {
    BinaryStl.write(mesh, out);
  }

  /**
   * Writes an ASCII STL in scientific notation with enough digits to read back the same floats,
   * normals recomputed from the winding. Whitespace in the name becomes {@code _}. The stream is
   * not closed.
   */
  public static void writeAscii(TriangleMesh mesh, String solidName, OutputStream out)
      throws IOException {
    AsciiStl.write(mesh, solidName, out);
  }

  /**
   * The format of an input from its first bytes and, when known ({@code size >= 0}), its size.
   */
  static StlFormat detect(byte[] head, int length, long size) {
    if (size >= BinaryStl.HEADER_BYTES && length >= BinaryStl.HEADER_BYTES
        && BinaryStl.HEADER_BYTES + BinaryStl.TRIANGLE_BYTES * BinaryStl.declaredCount(head)
            == size) {
      return StlFormat.BINARY;
    }
    int i = 0;
    while (i < length && AsciiParser.isWhitespace(head[i])) {
      i++;
    }
    if (i == length) {
      return StlFormat.ASCII; // only whitespace so far: the text parser says what is wrong
    }
    if (length - i < 5 || !"solid".equalsIgnoreCase(new String(head, i, 5,
        java.nio.charset.StandardCharsets.ISO_8859_1))) {
      return StlFormat.BINARY;
    }
    for (int k = 0; k < length; k++) {
      if (head[k] == 0) {
        return StlFormat.BINARY;
      }
    }
    return StlFormat.ASCII;
  }

  static StlException readFailed(IOException e) {
    String reason;
    if (e instanceof NoSuchFileException) {
      reason = "no such file: " + e.getMessage();
    } else if (e instanceof AccessDeniedException) {
      reason = "permission denied: " + e.getMessage();
    } else {
      reason = "cannot read the input: " + e;
    }
    return StlException.of(StlError.READ_FAILED, reason, e);
  }
}
