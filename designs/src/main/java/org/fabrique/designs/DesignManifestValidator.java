package org.fabrique.designs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fabrique.designs.DesignManifest.Bounds;
import org.fabrique.designs.DesignManifest.LocalizedText;
import org.fabrique.designs.DesignManifest.Part;
import org.fabrique.designs.DesignManifest.PartEstimate;
import org.fabrique.designs.DesignManifest.PrintProfile;
import org.fabrique.designs.DesignManifest.QcItem;
import org.fabrique.designs.DesignManifest.Temperatures;
import org.fabrique.jstl.BoundingBox;
import org.fabrique.jstl.MeshReport;

/**
 * Checks that a parsed manifest makes sense and, given the part files, that the files are
 * exactly what the manifest says and are printable. Each problem is one line naming the
 * field, e.g. {@code parts[1].sha256: expected 3fa..., calculated 9b1...}.
 */
public final class DesignManifestValidator {

    /**
     * SPDX identifiers of the licences a design may be published under: open licences that let
     * anyone make, modify and share the design, including commercially. Non-commercial and
     * no-derivatives licences are refused: hospitals must be free to have parts made anywhere.
     */
    public static final Set<String> OPEN_LICENSES = Set.of(
            "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0",
            "CERN-OHL-S-2.0", "CERN-OHL-W-2.0", "CERN-OHL-P-2.0", "TAPR-OHL-1.0",
            "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "MPL-2.0", "Unlicense",
            "GPL-2.0-or-later", "GPL-3.0-only", "GPL-3.0-or-later", "LGPL-3.0-or-later", "AGPL-3.0-or-later");

    /** The acceptance quality limits of ISO 2859-1's preferred series, in percent nonconforming. */
    public static final List<Double> AQL_VALUES = List.of(
            0.010, 0.015, 0.025, 0.040, 0.065, 0.10, 0.15, 0.25, 0.40, 0.65, 1.0, 1.5, 2.5, 4.0, 6.5, 10.0);

    /** Declared bounds may differ from the file's by this much (millimetres). */
    public static final double BOUNDS_TOLERANCE = 1e-3;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SLUG_LENGTH = 64;
    // Semantic Versioning 2.0.0, the pattern the specification recommends.
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    // Relative, '/'-separated, no empty, hidden, '.' or '..' segment: it cannot leave the design's folder.
    private static final Pattern RELATIVE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // Parameter texts are passed to OpenSCAD on a command line: keep them to harmless characters.
    private static final Pattern PARAMETER_TEXT = Pattern.compile("[A-Za-z0-9_.+-]*");
    private static final long BINARY_STL_HEADER = 84;
    private static final long BINARY_STL_TRIANGLE = 50;

    private final double bedX;
    private final double bedY;
    private final double bedZ;

    /** A validator for the reference 200 x 200 x 200 mm print volume. */
    public DesignManifestValidator() {
        this(200, 200, 200);
    }

    public DesignManifestValidator(double bedX, double bedY, double bedZ) {
        this.bedX = bedX;
        this.bedY = bedY;
        this.bedZ = bedZ;
    }

    /** Problems of the manifest on its own; empty when it is valid. */
    public List<String> problems(DesignManifest manifest) {
        List<String> problems = new ArrayList<>();
        identity(manifest, problems);
        texts(manifest, problems);
        materials(manifest, problems);
        parts(manifest, problems);
        printProfile(manifest, problems);
        estimates(manifest, problems);
        qcChecklist(manifest, problems);
        return problems;
    }

    /**
     * Problems of the manifest and of its part files, as measured by jstl: {@code files} must
     * hold one measured file per part of the manifest (matched by {@link LoadedPart#declared()}).
     */
    public List<String> problems(DesignManifest manifest, List<LoadedPart> files) {
        List<String> problems = problems(manifest);
        List<Part> parts = manifest.parts();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (files.stream().noneMatch(file -> file.declared().equals(part))) {
                problems.add("parts[" + i + "].file: " + part.file() + " was not provided");
            }
        }
        for (LoadedPart file : files) {
            problems.addAll(fileProblems(manifest, file));
        }
        return problems;
    }

    /**
     * Problems of one part file: it must be exactly the file the manifest describes (digest,
     * size, triangles, bounds, volume) and a printable solid (watertight, consistently oriented,
     * outward faces, fits the print volume).
     */
    public List<String> fileProblems(DesignManifest manifest, LoadedPart file) {
        int index = manifest.parts().indexOf(file.declared());
        if (index < 0) {
            return List.of("parts: " + file.file().getFileName() + " is not one of the manifest's parts");
        }
        List<String> problems = new ArrayList<>();
        fileMatches("parts[" + index + "]", file.declared(), file, problems);
        return problems;
    }

    private void identity(DesignManifest m, List<String> problems) {
        if (!SLUG.matcher(m.slug()).matches() || m.slug().length() > MAX_SLUG_LENGTH) {
            problems.add("slug: \"" + m.slug() + "\" must be lower-case words of letters and digits joined by '-', at most "
                    + MAX_SLUG_LENGTH + " characters");
        }
        if (!SEMVER.matcher(m.version()).matches()) {
            problems.add("version: \"" + m.version() + "\" is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.0.0)");
        }
        if (!OPEN_LICENSES.contains(m.license())) {
            problems.add("license: \"" + m.license() + "\" is not an accepted open licence SPDX identifier (accepted: "
                    + String.join(", ", OPEN_LICENSES.stream().sorted().toList()) + ")");
        }
        if (m.authors().isEmpty()) {
            problems.add("authors: at least one author is required");
        }
        for (int i = 0; i < m.authors().size(); i++) {
            if (m.authors().get(i).isBlank()) {
                problems.add("authors[" + i + "]: must not be blank");
            }
        }
        if (!m.preview().endsWith(".png") || !RELATIVE_PATH.matcher(m.preview()).matches()) {
            problems.add("preview: \"" + m.preview() + "\" must be a relative path to a .png file inside the design");
        }
        if (!AQL_VALUES.contains(m.aql())) {
            problems.add("aql: " + number(m.aql()) + " is not an ISO 2859-1 acceptance quality limit (one of "
                    + String.join(", ", AQL_VALUES.stream().map(DesignManifestValidator::number).toList()) + ")");
        }
    }

    private static void texts(DesignManifest m, List<String> problems) {
        bothLanguages("title", m.title(), problems);
        bothLanguages("description", m.description(), problems);
        bothLanguages("instructions.assembly", m.instructions().assembly(), problems);
        bothLanguages("instructions.disinfection", m.instructions().disinfection(), problems);
        bothLanguages("medicalDisclaimer", m.medicalDisclaimer(), problems);
    }

    private static void bothLanguages(String field, LocalizedText text, List<String> problems) {
        if (text.fr().isBlank()) {
            problems.add(field + ".fr: the French text must not be blank");
        }
        if (text.en().isBlank()) {
            problems.add(field + ".en: the English text must not be blank");
        }
    }

    private static void materials(DesignManifest m, List<String> problems) {
        if (m.materials().isEmpty()) {
            problems.add("materials: at least one material is required");
        }
        if (new HashSet<>(m.materials()).size() != m.materials().size()) {
            problems.add("materials: " + m.materials() + " lists a material twice");
        }
        if (m.itemsPerPrint() < 1) {
            problems.add("itemsPerPrint: " + m.itemsPerPrint() + " must be at least 1");
        }
    }

    private void parts(DesignManifest m, List<String> problems) {
        if (m.parts().isEmpty()) {
            problems.add("parts: at least one part is required");
        }
        Set<String> names = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (int i = 0; i < m.parts().size(); i++) {
            Part part = m.parts().get(i);
            String field = "parts[" + i + "]";
            if (!SLUG.matcher(part.name()).matches()) {
                problems.add(field + ".name: \"" + part.name() + "\" must be lower-case words joined by '-'");
            } else if (!names.add(part.name())) {
                problems.add(field + ".name: \"" + part.name() + "\" is used by another part");
            }
            if (!part.file().endsWith(".stl") || !RELATIVE_PATH.matcher(part.file()).matches()) {
                problems.add(field + ".file: \"" + part.file() + "\" must be a relative path to a .stl file inside the design");
            } else if (!files.add(part.file())) {
                problems.add(field + ".file: \"" + part.file() + "\" is used by another part");
            }
            source(field + ".source", part, problems);
            if (!SHA256.matcher(part.sha256()).matches()) {
                problems.add(field + ".sha256: \"" + part.sha256() + "\" is not 64 lower-case hexadecimal digits");
            }
            if (part.triangles() < 4) {
                problems.add(field + ".triangles: " + part.triangles() + " cannot be a closed mesh (at least 4)");
            } else if (part.bytes() != BINARY_STL_HEADER + BINARY_STL_TRIANGLE * part.triangles()) {
                problems.add(field + ".bytes: " + part.bytes() + " is not the size of a binary STL with " + part.triangles()
                        + " triangles (" + (BINARY_STL_HEADER + BINARY_STL_TRIANGLE * part.triangles()) + ")");
            }
            bounds(field + ".bbox", part.bbox(), problems);
            if (!(part.volume() > 0)) {
                problems.add(field + ".volume: " + number(part.volume()) + " mm3 must be positive");
            }
            if (part.countPerItem() < 1) {
                problems.add(field + ".countPerItem: " + part.countPerItem() + " must be at least 1");
            }
        }
    }

    private static void source(String field, Part part, List<String> problems) {
        String scad = part.source().scad();
        if (!scad.endsWith(".scad") || !RELATIVE_PATH.matcher(scad).matches()) {
            problems.add(field + ".scad: \"" + scad + "\" must be a relative path to a .scad file inside the design");
        }
        for (Map.Entry<String, Object> parameter : part.source().parameters().entrySet()) {
            String name = parameter.getKey();
            if (!PARAMETER_NAME.matcher(name).matches()) {
                problems.add(field + ".parameters." + name + ": not an OpenSCAD variable name");
            }
            if (parameter.getValue() instanceof String text && !PARAMETER_TEXT.matcher(text).matches()) {
                problems.add(field + ".parameters." + name + ": \"" + text + "\" may only hold letters, digits and _ . + -");
            }
        }
    }

    private void bounds(String field, Bounds bbox, List<String> problems) {
        if (!(bbox.sizeX() >= 0 && bbox.sizeY() >= 0 && bbox.sizeZ() >= 0)) {
            problems.add(field + ": min " + point(bbox.min()) + " must not exceed max " + point(bbox.max()));
        }
    }

    private static void printProfile(DesignManifest m, List<String> problems) {
        PrintProfile p = m.printProfile();
        if (!(p.nozzle() >= 0.1 && p.nozzle() <= 2.0)) {
            problems.add("printProfile.nozzle: " + number(p.nozzle()) + " mm is not a nozzle diameter (0.1 to 2.0 mm)");
        }
        if (!(p.layerHeight() >= 0.04 && p.layerHeight() <= 0.8 * p.nozzle())) {
            problems.add("printProfile.layerHeight: " + number(p.layerHeight()) + " mm must be between 0.04 mm and 80% of the nozzle ("
                    + number(0.8 * p.nozzle()) + " mm)");
        }
        if (p.perimeters() < 1 || p.perimeters() > 20) {
            problems.add("printProfile.perimeters: " + p.perimeters() + " must be between 1 and 20");
        }
        if (!(p.infillPercent() >= 0 && p.infillPercent() <= 100)) {
            problems.add("printProfile.infillPercent: " + number(p.infillPercent()) + " must be between 0 and 100");
        }
        for (Material material : m.materials()) {
            if (!p.temperatures().containsKey(material)) {
                problems.add("printProfile.temperatures: no temperatures for " + material + ", which the design allows");
            }
        }
        for (Map.Entry<Material, Temperatures> entry : p.temperatures().entrySet()) {
            String field = "printProfile.temperatures." + entry.getKey();
            if (!m.materials().contains(entry.getKey())) {
                problems.add(field + ": " + entry.getKey() + " is not among the design's materials " + m.materials());
            }
            Temperatures t = entry.getValue();
            if (t.nozzle() < 150 || t.nozzle() > 350) {
                problems.add(field + ".nozzle: " + t.nozzle() + " °C must be between 150 and 350 °C");
            }
            if (t.bed() < 0 || t.bed() > 150) {
                problems.add(field + ".bed: " + t.bed() + " °C must be between 0 and 150 °C");
            }
        }
    }

    private static void estimates(DesignManifest m, List<String> problems) {
        DesignManifest.Estimates e = m.estimates();
        if (e.slicer().isBlank()) {
            problems.add("estimates.slicer: name and version of the slicer are required");
        }
        if (!m.materials().contains(e.material())) {
            problems.add("estimates.material: " + e.material() + " is not among the design's materials " + m.materials());
        }
        positive("estimates.massGramsPerItem", e.massGramsPerItem(), problems);
        positive("estimates.printMinutesPerItem", e.printMinutesPerItem(), problems);
        double grams = 0;
        double minutes = 0;
        boolean complete = true;
        for (Part part : m.parts()) {
            PartEstimate estimate = e.parts().get(part.name());
            if (estimate == null) {
                problems.add("estimates.parts: no estimate for part \"" + part.name() + "\"");
                complete = false;
                continue;
            }
            positive("estimates.parts." + part.name() + ".massGrams", estimate.massGrams(), problems);
            positive("estimates.parts." + part.name() + ".printMinutes", estimate.printMinutes(), problems);
            grams += part.countPerItem() * estimate.massGrams();
            minutes += part.countPerItem() * estimate.printMinutes();
        }
        for (String name : e.parts().keySet()) {
            if (m.parts().stream().noneMatch(part -> part.name().equals(name))) {
                problems.add("estimates.parts." + name + ": there is no part of that name");
            }
        }
        if (complete && m.itemsPerPrint() >= 1) {
            consistent("estimates.massGramsPerItem", e.massGramsPerItem(), grams / m.itemsPerPrint(), 0.05, problems);
            consistent("estimates.printMinutesPerItem", e.printMinutesPerItem(), minutes / m.itemsPerPrint(), 0.5, problems);
        }
    }

    private static void consistent(String field, double declared, double expected, double slack, List<String> problems) {
        if (Math.abs(declared - expected) > Math.max(slack, 0.005 * expected)) {
            problems.add(field + ": " + number(declared) + " does not match the parts' estimates times countPerItem over itemsPerPrint ("
                    + number(expected) + ")");
        }
    }

    private static void positive(String field, double value, List<String> problems) {
        if (!(value > 0) || Double.isInfinite(value)) {
            problems.add(field + ": " + number(value) + " must be positive");
        }
    }

    private static void qcChecklist(DesignManifest m, List<String> problems) {
        if (m.qcChecklist().isEmpty()) {
            problems.add("qcChecklist: an inspector needs at least one item to check");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < m.qcChecklist().size(); i++) {
            QcItem item = m.qcChecklist().get(i);
            String field = "qcChecklist[" + i + "]";
            if (!SLUG.matcher(item.id()).matches()) {
                problems.add(field + ".id: \"" + item.id() + "\" must be kebab-case (lower-case words joined by '-')");
            } else if (!ids.add(item.id())) {
                problems.add(field + ".id: \"" + item.id() + "\" is used by another item");
            }
            bothLanguages(field + ".text", item.text(), problems);
            if (item.measure() != null) {
                if (!(item.measure().tolerance() > 0) || Double.isInfinite(item.measure().tolerance())) {
                    problems.add(field + ".measure.tolerance: " + number(item.measure().tolerance()) + " must be positive");
                }
                if (!(item.measure().nominal() >= 0) || Double.isInfinite(item.measure().nominal())) {
                    problems.add(field + ".measure.nominal: " + number(item.measure().nominal()) + " must be zero or positive");
                }
                if (item.measure().unit().isBlank()) {
                    problems.add(field + ".measure.unit: must not be blank");
                }
            }
        }
    }

    private void fileMatches(String field, Part part, LoadedPart file, List<String> problems) {
        if (!part.sha256().equals(file.sha256())) {
            problems.add(field + ".sha256: expected " + part.sha256() + ", calculated " + file.sha256());
        }
        if (part.bytes() != file.bytes()) {
            problems.add(field + ".bytes: expected " + part.bytes() + ", the file has " + file.bytes());
        }
        MeshReport mesh = file.mesh();
        if (part.triangles() != mesh.triangles()) {
            problems.add(field + ".triangles: expected " + part.triangles() + ", the file has " + mesh.triangles());
        }
        BoundingBox box = mesh.bbox();
        double[] declared = {
            part.bbox().min().x(), part.bbox().min().y(), part.bbox().min().z(),
            part.bbox().max().x(), part.bbox().max().y(), part.bbox().max().z()
        };
        double[] measured = {box.minX(), box.minY(), box.minZ(), box.maxX(), box.maxY(), box.maxZ()};
        for (int k = 0; k < declared.length; k++) {
            if (!(Math.abs(declared[k] - measured[k]) <= BOUNDS_TOLERANCE)) {
                problems.add(field + ".bbox: expected min " + point(part.bbox().min()) + " max " + point(part.bbox().max())
                        + ", the file has min [" + number(box.minX()) + ", " + number(box.minY()) + ", " + number(box.minZ())
                        + "] max [" + number(box.maxX()) + ", " + number(box.maxY()) + ", " + number(box.maxZ()) + "]");
                break;
            }
        }
        if (!(Math.abs(part.volume() - mesh.volume()) <= Math.max(0.1, 1e-6 * Math.abs(mesh.volume())))) {
            problems.add(field + ".volume: expected " + number(part.volume()) + " mm3, the file has " + number(mesh.volume()) + " mm3");
        }
        String name = field + ".file: " + part.file();
        if (!mesh.watertight()) {
            problems.add(name + " is not watertight (" + mesh.boundaryEdges() + " boundary edges, "
                    + mesh.nonManifoldEdges() + " non-manifold edges)");
        }
        if (!mesh.consistentlyOriented()) {
            problems.add(name + " is not consistently oriented (" + mesh.misorientedEdges() + " edges join faces of opposite orientation)");
        }
        if (!(mesh.volume() > 0)) {
            problems.add(name + " encloses a volume of " + number(mesh.volume()) + " mm3; its faces must point outward");
        }
        if (!box.fitsWithin(bedX, bedY, bedZ)) {
            problems.add(name + " measures " + number(box.sizeX()) + " x " + number(box.sizeY()) + " x " + number(box.sizeZ())
                    + " mm and does not fit a " + number(bedX) + " x " + number(bedY) + " x " + number(bedZ) + " mm print volume");
        }
    }

    private static String point(DesignManifest.Point p) {
        return "[" + number(p.x()) + ", " + number(p.y()) + ", " + number(p.z()) + "]";
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
