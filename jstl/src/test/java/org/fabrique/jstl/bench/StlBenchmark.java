package org.fabrique.jstl.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fabrique.jstl.DecimalFloatsAccess;
import org.fabrique.jstl.MeshReport;
import org.fabrique.jstl.Shapes;
import org.fabrique.jstl.Stl;
import org.fabrique.jstl.StlException;
import org.fabrique.jstl.StlLimits;
import org.fabrique.jstl.TriangleMesh;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Steady-state throughput of each stage on a closed torus (run with {@code jstl/bench/jmh.sh}).
 * The whole-command figures, JVM start included, come from {@code compare-admesh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class StlBenchmark {

  @Param({"400000"})
  public int triangles;

  private Path directory;
  private Path binary;
  private Path ascii;
  private TriangleMesh mesh;
  private byte[][] numbers;

  @Setup(Level.Trial)
  public void writeFiles() throws IOException {
    int tube = (int) Math.sqrt(triangles / 2.0);
    mesh = Shapes.torus(triangles / 2 / tube, tube, 60, 20);
    directory = Files.createTempDirectory("jstl-bench");
    binary = directory.resolve("torus.stl");
    ascii = directory.resolve("torus-ascii.stl");
    try (OutputStream out = Files.newOutputStream(binary)) {
      Stl.writeBinary(mesh, out);
    }
    try (OutputStream out = Files.newOutputStream(ascii)) {
      Stl.writeAscii(mesh, "torus", out);
    }
    SplittableRandom random = new SplittableRandom(1);
    numbers = new byte[1 << 16][];
    for (int i = 0; i < numbers.length; i++) {
      float value = (float) ((random.nextDouble() - 0.5) * 400);
      numbers[i] = String.format(Locale.ROOT, "%.6e", value).getBytes(StandardCharsets.US_ASCII);
    }
  }

  @TearDown(Level.Trial)
  public void deleteFiles() throws IOException {
    Files.deleteIfExists(binary);
    Files.deleteIfExists(ascii);
    Files.deleteIfExists(directory);
  }

  @Benchmark
  public TriangleMesh readBinary() throws StlException {
    return Stl.read(binary);
  }

  @Benchmark
  public TriangleMesh readAscii() throws StlException {
    return Stl.read(ascii);
  }

  @Benchmark
  public MeshReport analyzeMesh() {
    return Stl.analyze(mesh);
  }

  @Benchmark
  public MeshReport analyzeBinaryFileInOnePass() throws StlException {
    return Stl.analyze(binary, StlLimits.defaults());
  }

  @Benchmark
  public MeshReport analyzeAsciiFileInOnePass() throws StlException {
    return Stl.analyze(ascii, StlLimits.defaults());
  }

  /** 65536 numbers in {@code %.6e}, the usual ASCII STL style, through the library's parser. */
  @Benchmark
  public void parseNumbersWithJstl(Blackhole sink) {
    for (byte[] number : numbers) {
      sink.consume(DecimalFloatsAccess.parse(number));
    }
  }

  /** The same numbers through {@code Float.parseFloat} (after making a String, as one must). */
  @Benchmark
  public void parseNumbersWithTheJdk(Blackhole sink) {
    for (byte[] number : numbers) {
      sink.consume(Float.parseFloat(new String(number, StandardCharsets.ISO_8859_1)));
    }
  }
}
