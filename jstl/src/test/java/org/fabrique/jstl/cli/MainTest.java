package org.fabrique.jstl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fabrique.jstl.Shapes;
import org.fabrique.jstl.Stl;
import org.fabrique.jstl.TriangleMesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path directory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private byte[] stdin = new byte[0];

  private int run(String... args) {
    return new Main(new ByteArrayInputStream(stdin),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String write(String name, TriangleMesh mesh) throws IOException {
    Path file = directory.resolve(name);
    try (OutputStream stream = Files.newOutputStream(file)) {
      Stl.writeBinary(mesh, stream);
    }
    return file.toString();
  }

  private String write(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content).toString();
  }

  /** A box missing its last triangle. */
  private static TriangleMesh openBox() {
    float[] c = Shapes.box(10, 10, 10).coordinates();
    return TriangleMesh.of(java.util.Arrays.copyOf(c, c.length - 9));
  }

  @Test
  void infoPrintsTheReportAsOneJsonObject() throws IOException {
    String file = write("cube.stl", Shapes.box(10, 10, 10));

    assertThat(run("info", file)).isZero();

    assertThat(out()).isEqualTo("{\"format\":\"BINARY\",\"triangles\":12,\"vertices\":8,"
        + "\"bbox\":{\"min\":[0,0,0],\"max\":[10,10,10],\"size\":[10,10,10]},\"area\":600,"
        + "\"volume\":1000,\"watertight\":true,\"consistentlyOriented\":true,\"boundaryEdges\":0,"
        + "\"nonManifoldEdges\":0,\"misorientedEdges\":0,\"degenerateTriangles\":0,"
        + "\"normalMismatches\":0,\"shells\":1}\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void infoReadsStandardInputWhenTheFileIsADash() {
    stdin = "solid s\nfacet normal 0 0 0 outer loop vertex 0 0 0 vertex 1 0 0 vertex 0 1 0 endloop endfacet\nendsolid s\n"
        .getBytes(StandardCharsets.US_ASCII);

    assertThat(run("info", "-")).isZero();

    assertThat(out()).startsWith("{\"format\":\"ASCII\",\"triangles\":1,\"vertices\":3,")
        .contains("\"boundaryEdges\":3");
  }

  @Test
  void infoOnAMalformedFilePrintsOneLineNamingThePlaceAndExitsWithTwo() throws IOException {
    String file = write("broken.stl", "solid x\n  facet normal 0 0 1\n    outer lop\n");

    assertThat(run("info", file)).isEqualTo(2);

    assertThat(out()).isEmpty();
    assertThat(err()).isEqualTo("jstl: " + file
        + ": line 3, column 11: expected 'loop', found 'lop' [unexpected-token]\n");
  }

  @Test
  void infoOnAMissingFileExitsWithTwo() {
    assertThat(run("info", directory.resolve("absent.stl").toString())).isEqualTo(2);

    assertThat(err()).contains("no such file").endsWith("[read-failed]\n");
  }

  @Test
  void checkAcceptsAClosedPartThatFitsTheBed() throws IOException {
    String file = write("cube.stl", Shapes.box(250, 10, 10));

    assertThat(run("check", file, "--bed", "200x300x200")).isZero();

    assertThat(out()).isEqualTo(file + ": ok: 12 triangles, watertight, consistently oriented,"
        + " 250.000 x 10.000 x 10.000, fits 200x300x200\n");
  }

  @Test
  void checkFailsWithOneWhenThePartIsOpen() throws IOException {
    String file = write("open.stl", openBox());

    assertThat(run("check", file)).isEqualTo(1);

    assertThat(out()).isEqualTo(
        file + ": not watertight: 3 boundary edges, 0 non-manifold edges\n");
  }

  @Test
  void checkFailsWithOneWhenThePartFitsTheBedInNoOrientation() throws IOException {
    String file = write("long.stl", Shapes.box(250, 10, 10));

    assertThat(run("check", file, "--bed", "200x200x200")).isEqualTo(1);

    assertThat(out()).isEqualTo(file + ": does not fit a 200x200x200 bed in any axis-aligned"
        + " orientation: the part is 250.000 x 10.000 x 10.000\n");
  }

  @Test
  void checkFailsWithOneWhenThePartIsInsideOut() throws IOException {
    float[] c = Shapes.box(10, 10, 10).coordinates();
    for (int o = 0; o < c.length; o += 9) {
      for (int axis = 0; axis < 3; axis++) {
        float swap = c[o + 3 + axis];
        c[o + 3 + axis] = c[o + 6 + axis];
        c[o + 6 + axis] = swap;
      }
    }
    String file = write("inside-out.stl", TriangleMesh.of(c));

    assertThat(run("check", file)).isEqualTo(1);

    assertThat(out()).contains("inside out");
  }

  @Test
  void checkWarnsAboutAProbableUnitMistakeWithoutFailing() throws IOException {
    String file = write("metres.stl", Shapes.box(0.1f, 0.05f, 0.02f));

    assertThat(run("check", file)).isZero();

    assertThat(out()).startsWith(file + ": warning: the part is only 0.1000 mm across");
  }

  @Test
  void generateWritesATorusThatInfoFindsClosed() {
    String file = directory.resolve("torus.stl").toString();

    assertThat(run("generate", "torus", "20000", file, "--ascii")).isZero();
    out.reset();
    assertThat(run("info", file)).isZero();

    assertThat(out()).startsWith("{\"format\":\"ASCII\",\"triangles\":20000,\"vertices\":10000,")
        .contains("\"watertight\":true,\"consistentlyOriented\":true");
  }

  @Test
  void aBedThatIsNotThreeSizesIsAUsageError() {
    assertThat(run("check", "part.stl", "--bed", "200x200")).isEqualTo(64);

    assertThat(err()).startsWith(
        "jstl: --bed must look like 200x200x180 (millimetres), was '200x200'\nusage:");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(run("inspect", "part.stl")).isEqualTo(64);

    assertThat(err()).startsWith("jstl: unknown command 'inspect'\nusage:");
  }

  @Test
  void aMissingFileArgumentIsAUsageError() {
    assertThat(run("info")).isEqualTo(64);

    assertThat(err()).startsWith("jstl: missing FILE\n");
  }
}
