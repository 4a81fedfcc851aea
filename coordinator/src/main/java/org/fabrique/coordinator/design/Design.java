package org.fabrique.coordinator.design;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fabrique.coordinator.maker.Material;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of an open design, {@code slug@version}. A published version never changes: a
 * hospital homologates exactly these files, identified by their SHA-256.
 */
@Document("designs")
public record Design(
        @Id String id,
        String slug,
        String version,
        DesignStatus status,
        String category,
        String license,
        List<String> authors,
        Localized title,
        Localized description,
        List<Material> materials,
        int itemsPerPrint,
        List<Part> parts,
        PrintProfile printProfile,
        Estimates estimates,
        List<QcItem> qcChecklist,
        double aql,
        Localized assembly,
        Localized disinfection,
        Localized medicalDisclaimer,
        Instant createdAt,
        Instant publishedAt,
        Instant retiredAt,
        String createdBy) {

    public static String id(String slug, String version) {
        return slug + "@" + version;
    }

    /** One printed part of the design, as analysed by jstl when the version was created. */
    public record Part(
            String name,
            String file,
            String sha256,
            long bytes,
            int triangles,
            double[] bboxMin,
            double[] bboxMax,
            double volume,
            int countPerItem) {

        public double sizeX() {
            return bboxMax[0] - bboxMin[0];
        }

        public double sizeY() {
            return bboxMax[1] - bboxMin[1];
        }

        public double sizeZ() {
            return bboxMax[2] - bboxMin[2];
        }
    }

    public record PrintProfile(double layerHeight, int perimeters, int infillPercent, double nozzle,
            Map<String, Temperatures> temperatures) {
    }

    public record Temperatures(int nozzle, int bed) {
    }

    public record Estimates(String slicer, double massGramsPerItem, double printMinutesPerItem) {
    }

    public record QcItem(String id, Localized text, boolean critical, Measure measure) {
    }

    public record Measure(double nominal, double tolerance, String unit) {
    }
}
