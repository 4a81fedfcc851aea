package org.fabrique.designs;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A design's manifest ({@code design.yaml}): what the design is, under which licence, which
 * files make it up and what they measure, how to print it and how an inspector checks it.
 *
 * <p>Instances come from {@link DesignManifests#parse}, which guarantees that every component
 * is present and of the right type (only {@link QcItem#measure()} may be null). Whether the
 * values make sense is {@link DesignManifestValidator}'s job.
 */
public record DesignManifest(
        String slug,
        String version,
        DesignStatus status,
        DesignCategory category,
        String license,
        List<String> authors,
        LocalizedText title,
        LocalizedText description,
        List<Material> materials,
        int itemsPerPrint,
        List<Part> parts,
        PrintProfile printProfile,
        Estimates estimates,
        List<QcItem> qcChecklist,
        double aql,
        Instructions instructions,
        String preview,
        LocalizedText medicalDisclaimer) {

    public DesignManifest {
        authors = List.copyOf(authors);
        materials = List.copyOf(materials);
        parts = List.copyOf(parts);
        qcChecklist = List.copyOf(qcChecklist);
    }

    /** {@code slug@version}, the design version's identity. */
    public String id() {
        return slug + "@" + version;
    }

    /** A text in both languages the project publishes in. */
    public record LocalizedText(String fr, String en) {}

    /**
     * One printed part. {@code countPerItem} copies of it go into one item; the measured
     * fields (sha256 to volume) describe the STL file exactly.
     */
    public record Part(
            String name,
            String file,
            Source source,
            String sha256,
            long bytes,
            long triangles,
            Bounds bbox,
            double volume,
            int countPerItem) {}

    /** The OpenSCAD file a part is exported from, and the parameters passed with {@code -D}. */
    public record Source(String scad, Map<String, Object> parameters) {
        public Source {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /** Axis-aligned bounds in millimetres, in the part's printing orientation. */
    public record Bounds(Point min, Point max) {
        public double sizeX() {
            return max.x() - min.x();
        }

        public double sizeY() {
            return max.y() - min.y();
        }

        public double sizeZ() {
            return max.z() - min.z();
        }
    }

    public record Point(double x, double y, double z) {}

    /** Slicer settings the estimates were made with and that makers should start from. */
    public record PrintProfile(
            double layerHeight,
            int perimeters,
            double infillPercent,
            double nozzle,
            Map<Material, Temperatures> temperatures) {
        public PrintProfile {
            EnumMap<Material, Temperatures> copy = new EnumMap<>(Material.class);
            copy.putAll(temperatures);
            temperatures = Collections.unmodifiableMap(copy);
        }
    }

    /** Nozzle and bed temperatures in degrees Celsius. */
    public record Temperatures(int nozzle, int bed) {}

    /**
     * Material and time for one item (a face shield, a pump set), from a slicer run with the
     * print profile and {@code material}; per-part figures are for one copy of the part.
     */
    public record Estimates(
            String slicer,
            Material material,
            double massGramsPerItem,
            double printMinutesPerItem,
            Map<String, PartEstimate> parts) {
        public Estimates {
            parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        }
    }

    public record PartEstimate(double massGrams, double printMinutes) {}

    /**
     * One line of the inspector's checklist. A critical item failed on any sampled piece
     * rejects the lot. {@code measure} is null for visual checks.
     */
    public record QcItem(String id, LocalizedText text, boolean critical, Measure measure) {}

    /** A dimension to measure: nominal value plus or minus tolerance, in unit. */
    public record Measure(double nominal, double tolerance, String unit) {}

    public record Instructions(LocalizedText assembly, LocalizedText disinfection) {}
}
