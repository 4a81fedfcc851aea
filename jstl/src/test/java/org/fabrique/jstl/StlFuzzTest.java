package org.fabrique.jstl;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * No input makes the readers throw anything but an {@link StlException}, and whatever they accept
 * analyses to finite figures. Runs its seeds (under {@code src/test/resources}) in every build;
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=StlFuzzTest} fuzzes for real.
 */
class StlFuzzTest {

  private static final StlLimits SMALL = new StlLimits(1 << 20, 10_000);

  @FuzzTest(maxDuration = "2m")
  void anyBytesEitherReadOrFailWithADocumentedError(byte[] input) {
    readEveryWay(input);
  }

  @FuzzTest(maxDuration = "2m")
  void anyTextAfterSolidEitherReadsOrFailsWithADocumentedError(byte[] rest) {
    readEveryWay(StlBytes.concat("solid fuzz\n".getBytes(StandardCharsets.US_ASCII), rest));
  }

  private static void readEveryWay(byte[] input) {
    Path file = temporaryFile(input);
    try {
      Outcome streamed = outcome(() -> Stl.analyze(new ByteArrayInputStream(input), SMALL));
      Outcome mapped = outcome(() -> Stl.analyze(file, SMALL));
      Outcome readThenAnalysed = outcome(() -> Stl.analyze(Stl.read(file, SMALL)));
      assertThat(mapped).isEqualTo(readThenAnalysed);
      // A stream may meet one of several faults first; what it accepts must not differ, unless
      // only the size of the file (which a stream lacks) told that it was binary.
      if (streamed.accepted() || mapped.accepted()) {
        if (!streamed.equals(mapped)) {
          assertThat(streamed + " / " + mapped).contains("ASCII");
        }
      }
    } finally {
      delete(file);
    }
  }

  private interface Analysis {
    MeshReport run() throws StlException;
  }

  /** What a reading gave: the report's counts (not its sums, taken in ranges), or the error. */
  private record Outcome(boolean accepted, String summary) {}

  /** Anything thrown but an {@link StlException} fails the test. */
  private static Outcome outcome(Analysis analysis) {
    try {
      MeshReport report = analysis.run();
      assertThat(report.triangles()).isPositive();
      assertThat(report.area()).isFinite();
      assertThat(report.volume()).isFinite();
      assertThat(report.vertices()).isBetween(1, report.triangles() * 3);
      return new Outcome(true, report.format() + " " + report.triangles() + " "
          + report.vertices() + " " + report.bbox() + " " + report.boundaryEdges() + " "
          + report.nonManifoldEdges() + " " + report.misorientedEdges() + " "
          + report.degenerateTriangles() + " " + report.normalMismatches() + " "
          + report.shells());
    } catch (StlException e) {
      assertThat(e.error()).isNotNull();
      assertThat(e.getMessage()).isNotBlank();
      return new Outcome(false, e.error().slug());
    }
  }

  private static Path temporaryFile(byte[] input) {
    try {
      Path file = Files.createTempFile("jstl-fuzz", ".stl");
      Files.write(file, input);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
