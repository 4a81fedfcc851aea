package org.fabrique.jstl.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fabrique.jstl.BoundingBox;
import org.fabrique.jstl.MeshReport;
import org.fabrique.jstl.Shapes;
import org.fabrique.jstl.Stl;
import org.fabrique.jstl.StlException;
import org.fabrique.jstl.StlLimits;
import org.fabrique.jstl.TriangleMesh;

/**
 * Command line: {@code java -jar jstl.jar info FILE}, {@code check FILE [--bed XxYxZ]}, {@code
 * generate torus TRIANGLES OUT.stl [--ascii]}. Exit codes: 0 success, 1 check failed, 2 malformed
 * or unreadable input, 3 not enough memory, 64 wrong usage.
 */
public final class Main {

  static final int OK = 0;
  static final int CHECK_FAILED = 1;
  static final int BAD_INPUT = 2;
  static final int OUT_OF_MEMORY = 3;
  static final int USAGE = 64;

  private static final String USAGE_TEXT = String.join("\n",
      "usage: jstl info FILE [--max-triangles N] [--max-bytes N]",
      "       jstl check FILE [--bed XxYxZ] [--max-triangles N] [--max-bytes N]",
      "       jstl generate torus TRIANGLES OUT.stl [--ascii]",
      "FILE may be - for standard input.",
      "info prints the analysis as one JSON object.",
      "check exits 1 if the mesh is not watertight, not consistently oriented, inside out,",
      "or does not fit the bed in any axis-aligned orientation.",
      "Exit codes: 0 ok, 1 check failed, 2 malformed or unreadable input, 3 out of memory,",
      "64 wrong usage.");

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  Main(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(
        new BufferedOutputStream(System.out, 1 << 14), false, StandardCharsets.UTF_8);
    int status = new Main(System.in, out, System.err).run(args);
    out.flush();
    System.exit(status);
  }

  int run(String[] args) {
    if (args.length == 0) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    try {
      return switch (args[0]) {
        case "info" -> info(Arguments.parse(args, 1, false));
        case "check" -> check(Arguments.parse(args, 1, true));
        case "generate" -> generate(args);
        case "help", "-h", "--help" -> {
          out.println(USAGE_TEXT);
          yield OK;
        }
        default -> throw new UsageException("unknown command '" + args[0] + "'");
      };
    } catch (UsageException e) {
      err.println("jstl: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
  }

  private int info(Arguments arguments) {
    MeshReport report;
    try {
      report = analyze(arguments);
    } catch (StlException e) {
      return malformed(arguments.file(), e);
    } catch (OutOfMemoryError e) {
      return outOfMemory(arguments.file());
    }
    out.println(report.toJson());
    return OK;
  }

  private int check(Arguments arguments) {
    MeshReport report;
    try {
      report = analyze(arguments);
    } catch (StlException e) {
      return malformed(arguments.file(), e);
    } catch (OutOfMemoryError e) {
      return outOfMemory(arguments.file());
    }
    List<String> problems = new ArrayList<>();
    if (!report.watertight()) {
      problems.add(String.format(Locale.ROOT,
          "not watertight: %d boundary edges, %d non-manifold edges",
          report.boundaryEdges(), report.nonManifoldEdges()));
    }
    if (!report.consistentlyOriented()) {
      problems.add("not consistently oriented: " + report.misorientedEdges()
          + " edges traversed the same way by both their triangles");
    } else if (report.watertight() && report.volume() < 0) {
      problems.add("inside out: every triangle faces inwards (negative volume)");
    }
    double[] bed = arguments.bed();
    BoundingBox box = report.bbox();
    String size = String.format(Locale.ROOT, "%.3f x %.3f x %.3f",
        box.sizeX(), box.sizeY(), box.sizeZ());
    if (bed != null && !box.fitsWithin(bed[0], bed[1], bed[2])) {
      problems.add("does not fit a " + arguments.bedText() + " bed in any axis-aligned"
          + " orientation: the part is " + size);
    }
    String name = arguments.file();
    if (report.unitWarning().isPresent()) {
      out.println(name + ": warning: " + report.unitWarning().get().message());
    }
    for (String problem : problems) {
      out.println(name + ": " + problem);
    }
    if (problems.isEmpty()) {
      out.println(name + ": ok: " + report.triangles() + " triangles, watertight, consistently"
          + " oriented, " + size + (bed == null ? "" : ", fits " + arguments.bedText()));
      return OK;
    }
    return CHECK_FAILED;
  }

  private MeshReport analyze(Arguments arguments) throws StlException {
    return arguments.file().equals("-")
        ? Stl.analyze(in, arguments.limits())
        : Stl.analyze(Path.of(arguments.file()), arguments.limits());
  }

  private int malformed(String file, StlException e) {
    err.println("jstl: " + file + ": " + e.getMessage() + " [" + e.error().slug() + "]");
    return BAD_INPUT;
  }

  private int outOfMemory(String file) {
    err.println("jstl: " + file + ": not enough memory for this mesh; give the JVM a larger"
        + " heap (-Xmx) or lower --max-triangles [out-of-memory]");
    return OUT_OF_MEMORY;
  }

  private int generate(String[] args) {
    if (args.length < 4 || !args[1].equals("torus")) {
      throw new UsageException("generate needs: torus TRIANGLES OUT.stl [--ascii]");
    }
    long triangles = Arguments.positive(args[2], "TRIANGLES");
    boolean ascii = args.length > 4 && args[4].equals("--ascii");
    if (args.length > (ascii ? 5 : 4)) {
      throw new UsageException("unexpected argument '" + args[args.length - 1] + "'");
    }
    if (triangles % 2 != 0 || triangles < 18) {
      throw new UsageException("a torus has an even number of triangles, at least 18");
    }
    long quads = triangles / 2;
    int tube = (int) Math.sqrt((double) quads);
    while (quads % tube != 0 || quads / tube < 3) {
      tube--;
    }
    if (tube < 3) {
      throw new UsageException(triangles + " triangles cannot make a torus grid of at least 3 x 3");
    }
    TriangleMesh torus = Shapes.torus((int) (quads / tube), tube, 60, 20);
    Path target = Path.of(args[3]);
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
      if (ascii) {
        Stl.writeAscii(torus, "torus", file);
      } else {
        Stl.writeBinary(torus, file);
      }
    } catch (IOException e) {
      err.println("jstl: " + target + ": cannot write: " + e.getMessage());
      return BAD_INPUT;
    }
    out.println(target + ": " + triangles + " triangles (" + (quads / tube) + " x " + tube
        + " torus), " + (ascii ? "ASCII" : "binary"));
    return OK;
  }

  /** Wrong command line. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** The options of {@code info} and {@code check}. */
  record Arguments(String file, StlLimits limits, double[] bed, String bedText) {

    static Arguments parse(String[] args, int from, boolean bedAllowed) {
      String file = null;
      long maxBytes = StlLimits.DEFAULT_MAX_BYTES;
      long maxTriangles = StlLimits.DEFAULT_MAX_TRIANGLES;
      double[] bed = null;
      String bedText = null;
      for (int i = from; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--max-bytes" -> maxBytes = positive(value(args, ++i, arg), arg);
          case "--max-triangles" -> {
            maxTriangles = positive(value(args, ++i, arg), arg);
            if (maxTriangles > StlLimits.MAX_SUPPORTED_TRIANGLES) {
              throw new UsageException("--max-triangles is at most "
                  + StlLimits.MAX_SUPPORTED_TRIANGLES);
            }
          }
          case "--bed" -> {
            if (!bedAllowed) {
              throw new UsageException("--bed belongs to the check command");
            }
            bedText = value(args, ++i, arg);
            bed = bed(bedText);
          }
          default -> {
            if (arg.startsWith("--") || file != null) {
              throw new UsageException("unexpected argument '" + arg + "'");
            }
            file = arg;
          }
        }
      }
      if (file == null) {
        throw new UsageException("missing FILE");
      }
      return new Arguments(file, new StlLimits(maxBytes, (int) maxTriangles), bed, bedText);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new UsageException(option + " needs a value");
      }
      return args[i];
    }

    static long positive(String text, String what) {
      try {
        long value = Long.parseLong(text);
        if (value > 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new UsageException(what + " must be a positive whole number, was '" + text + "'");
    }

    private static double[] bed(String text) {
      String[] parts = text.toLowerCase(Locale.ROOT).split("x", -1);
      if (parts.length != 3) {
        throw new UsageException("--bed must look like 200x200x180 (millimetres), was '"
            + text + "'");
      }
      double[] bed = new double[3];
      for (int k = 0; k < 3; k++) {
        try {
          bed[k] = Double.parseDouble(parts[k]);
        } catch (NumberFormatException e) {
          bed[k] = Double.NaN;
        }
        if (!(bed[k] > 0) || Double.isInfinite(bed[k])) {
          throw new UsageException("--bed must look like 200x200x180 (millimetres), was '"
              + text + "'");
        }
      }
      return bed;
    }
  }
}
