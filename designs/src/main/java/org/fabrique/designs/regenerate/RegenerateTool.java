package org.fabrique.designs.regenerate;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.fabrique.designs.DesignLibrary;
import org.fabrique.designs.DesignLibraryException;
import org.fabrique.designs.DesignManifest;
import org.fabrique.designs.DesignManifest.Part;
import org.fabrique.designs.DesignManifest.PrintProfile;
import org.fabrique.designs.DesignManifest.Temperatures;
import org.fabrique.designs.DesignManifests;
import org.fabrique.designs.LoadedDesign;
import org.fabrique.designs.LoadedPart;
import org.fabrique.designs.ManifestEditor;
import org.fabrique.jstl.BoundingBox;
import org.fabrique.jstl.MeshReport;
import org.fabrique.jstl.StlException;

/**
 * The Java half of {@code regenerate.sh}:
 * <ul>
 *   <li>{@code plan ROOT}: one line per part (and per preview) telling the script what to run;</li>
 *   <li>{@code canonicalize STL...}: rewrites exported STL files with their triangles in a
 *       canonical order, so that regenerating gives byte-identical files;</li>
 *   <li>{@code update ROOT GCODE_DIR}: measures every exported STL with jstl, reads the slicer's
 *       estimates from {@code GCODE_DIR/<slug>/<part>.gcode}, and rewrites the measured fields of
 *       each {@code design.yaml} in place;</li>
 *   <li>{@code check ROOT}: loads and validates the whole library, prints a summary.</li>
 * </ul>
 */
public final class RegenerateTool {

    /** Diameter of the filament the estimates assume. */
    static final double FILAMENT_DIAMETER = 1.75;

    /** Separates plan fields; no path, parameter or option may contain it. */
    static final String SEPARATOR = "|";

    private RegenerateTool() {}

    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (DesignLibraryException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (IllegalArgumentException | IOException | StlException e) {
            System.err.println("regenerate: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args, PrintStream out) throws DesignLibraryException, IOException, StlException {
        if (args.length == 2 && args[0].equals("plan")) {
            plan(Path.of(args[1]), out);
        } else if (args.length == 3 && args[0].equals("update")) {
            update(Path.of(args[1]), Path.of(args[2]), out);
        } else if (args.length >= 2 && args[0].equals("canonicalize")) {
            for (int i = 1; i < args.length; i++) {
                CanonicalStl.rewrite(Path.of(args[i]));
            }
        } else if (args.length == 2 && args[0].equals("check")) {
            check(Path.of(args[1]), out);
        } else {
            throw new IllegalArgumentException("usage: plan ROOT | canonicalize STL... | update ROOT GCODE_DIR | check ROOT");
        }
    }

    /**
     * Lines {@code part|slug|name|scad|stl|defines|slicer options} and {@code preview|slug|scad|png},
     * paths relative to the design's folder, defines as {@code name=value} words.
     */
    static void plan(Path root, PrintStream out) throws DesignLibraryException, IOException {
        for (Path folder : designFolders(root)) {
            DesignManifest manifest = parse(folder);
            String slug = folder.getFileName().toString();
            String options = slicerOptions(manifest);
            for (Part part : manifest.parts()) {
                out.println(String.join(SEPARATOR, "part", slug, part.name(), part.source().scad(), part.file(),
                        defines(part.source().parameters()), options));
            }
            out.println(String.join(SEPARATOR, "preview", slug, "src/preview.scad", manifest.preview()));
        }
    }

    static void update(Path root, Path gcodeDir, PrintStream out) throws DesignLibraryException, IOException, StlException {
        for (Path folder : designFolders(root)) {
            Path manifestFile = folder.resolve(DesignLibrary.MANIFEST_YAML);
            String name = folder.getFileName() + "/" + DesignLibrary.MANIFEST_YAML;
            String text = Files.readString(manifestFile, StandardCharsets.UTF_8);
            DesignManifest manifest = DesignManifests.parse(Files.newInputStream(manifestFile), name);
            ManifestEditor editor = new ManifestEditor(text, name);
            double grams = 0;
            double minutes = 0;
            String slicer = null;
            for (int i = 0; i < manifest.parts().size(); i++) {
                Part part = manifest.parts().get(i);
                writeMeasurements(editor, i, LoadedPart.read(part, folder.resolve(part.file())));
                SlicerEstimate estimate = SlicerEstimate.fromGcode(gcodeDir.resolve(folder.getFileName().toString()).resolve(part.name() + ".gcode"));
                editor.set(fixed(estimate.grams(), 2), "estimates", "parts", part.name(), "massGrams");
                editor.set(fixed(estimate.minutes(), 1), "estimates", "parts", part.name(), "printMinutes");
                grams += part.countPerItem() * estimate.grams();
                minutes += part.countPerItem() * estimate.minutes();
                slicer = estimate.slicer();
            }
            editor.set(quoted(slicer), "estimates", "slicer");
            editor.set(fixed(grams / manifest.itemsPerPrint(), 2), "estimates", "massGramsPerItem");
            editor.set(fixed(minutes / manifest.itemsPerPrint(), 1), "estimates", "printMinutesPerItem");
            Files.writeString(manifestFile, editor.text(), StandardCharsets.UTF_8);
            out.printf(Locale.ROOT, "%-34s %8.2f g %8.1f min per item (%s)%n", manifest.slug(),
                    grams / manifest.itemsPerPrint(), minutes / manifest.itemsPerPrint(), slicer);
        }
    }

    private static void writeMeasurements(ManifestEditor editor, int i, LoadedPart measured) {
        MeshReport mesh = measured.mesh();
        editor.set(quoted(measured.sha256()), "parts", i, "sha256");
        editor.set(Long.toString(measured.bytes()), "parts", i, "bytes");
        editor.set(Integer.toString(mesh.triangles()), "parts", i, "triangles");
        BoundingBox box = mesh.bbox();
        double[] min = {box.minX(), box.minY(), box.minZ()};
        double[] max = {box.maxX(), box.maxY(), box.maxZ()};
        for (int k = 0; k < 3; k++) {
            editor.set(fixed(min[k], 3), "parts", i, "bbox", "min", k);
            editor.set(fixed(max[k], 3), "parts", i, "bbox", "max", k);
        }
        editor.set(fixed(mesh.volume(), 1), "parts", i, "volume");
    }

    static void check(Path root, PrintStream out) throws DesignLibraryException {
        DesignLibrary library = DesignLibrary.load(root);
        for (LoadedDesign design : library.designs()) {
            DesignManifest m = design.manifest();
            long triangles = design.parts().stream().mapToLong(p -> p.mesh().triangles()).sum();
            out.printf(Locale.ROOT, "ok %-34s %-7s %d part(s), %d triangles, %.2f g, %.1f min per item%n", m.slug(), m.version(),
                    m.parts().size(), triangles, m.estimates().massGramsPerItem(), m.estimates().printMinutesPerItem());
        }
    }

    private static List<Path> designFolders(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(folder -> Files.isRegularFile(folder.resolve(DesignLibrary.MANIFEST_YAML))).sorted().toList();
        }
    }

    private static DesignManifest parse(Path folder) throws DesignLibraryException {
        return DesignManifests.parse(folder.resolve(DesignLibrary.MANIFEST_YAML), folder.getFileName() + "/" + DesignLibrary.MANIFEST_YAML);
    }

    static String slicerOptions(DesignManifest manifest) {
        PrintProfile profile = manifest.printProfile();
        Temperatures temperatures = profile.temperatures().get(manifest.estimates().material());
        if (temperatures == null) {
            throw new IllegalArgumentException(manifest.slug() + ": no temperatures for the estimate's material "
                    + manifest.estimates().material());
        }
        List<String> options = new ArrayList<>();
        option(options, "--layer-height", plain(profile.layerHeight()));
        option(options, "--first-layer-height", plain(profile.layerHeight()));
        option(options, "--perimeters", Integer.toString(profile.perimeters()));
        option(options, "--fill-density", plain(profile.infillPercent()) + "%");
        option(options, "--nozzle-diameter", plain(profile.nozzle()));
        option(options, "--temperature", Integer.toString(temperatures.nozzle()));
        option(options, "--first-layer-temperature", Integer.toString(temperatures.nozzle()));
        option(options, "--bed-temperature", Integer.toString(temperatures.bed()));
        option(options, "--first-layer-bed-temperature", Integer.toString(temperatures.bed()));
        option(options, "--filament-diameter", plain(FILAMENT_DIAMETER));
        option(options, "--filament-density", plain(manifest.estimates().material().densityGramsPerCubicCentimetre()));
        return String.join(" ", options);
    }

    private static void option(List<String> options, String name, String value) {
        options.add(name);
        options.add(value);
    }

    /** OpenSCAD {@code -D} assignments: numbers and booleans as written, texts as string literals. */
    static String defines(Map<String, Object> parameters) {
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            Object value = parameter.getValue();
            String literal = value instanceof String text ? "\"" + text + "\""
                    : value instanceof Double d ? plain(d)
                    : value.toString();
            if (literal.contains(SEPARATOR) || literal.contains(" ")) {
                throw new IllegalArgumentException("parameter " + parameter.getKey() + " holds a space or '" + SEPARATOR + "'");
            }
            words.add(parameter.getKey() + "=" + literal);
        }
        return String.join(" ", words);
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String fixed(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.matches("-0\\.?0*") ? text.substring(1) : text;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
