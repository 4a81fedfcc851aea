package org.fabrique.coordinator.design;

import java.time.Instant;
import java.util.List;

import org.fabrique.designs.DesignManifest;
import org.fabrique.designs.DesignManifest.Estimates;
import org.fabrique.designs.DesignManifest.Instructions;
import org.fabrique.designs.DesignManifest.LocalizedText;
import org.fabrique.designs.DesignManifest.PrintProfile;
import org.fabrique.designs.DesignManifest.QcItem;
import org.fabrique.designs.DesignStatus;
import org.fabrique.designs.Material;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of an open design, {@code slug@version}, as the coordinator stores it: the
 * manifest's content, with each part's file kept in GridFS under its SHA-256. A published
 * version never changes: a hospital homologates exactly these files.
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
        LocalizedText medicalDisclaimer,
        String previewSha256,
        Instant createdAt,
        Instant publishedAt,
        Instant retiredAt,
        String createdBy) {

    public static String id(String slug, String version) {
        return slug + "@" + version;
    }

    /** One printed part: {@code file} is the name it is downloaded under; its bytes are in GridFS under {@code sha256}. */
    public record Part(
            String name,
            String file,
            String sha256,
            long bytes,
            long triangles,
            double[] bboxMin,
            double[] bboxMax,
            double volume,
            int countPerItem) {
    }

    public static Design from(DesignManifest manifest, DesignStatus status, String previewSha256, Instant now,
            String createdBy) {
        List<Part> parts = manifest.parts().stream().map(p -> new Part(p.name(), fileName(p.file()), p.sha256(), p.bytes(),
                p.triangles(), new double[] {p.bbox().min().x(), p.bbox().min().y(), p.bbox().min().z()},
                new double[] {p.bbox().max().x(), p.bbox().max().y(), p.bbox().max().z()}, p.volume(), p.countPerItem()))
                .toList();
        return new Design(id(manifest.slug(), manifest.version()), manifest.slug(), manifest.version(), status,
                manifest.category().id(), manifest.license(), manifest.authors(), manifest.title(), manifest.description(),
                manifest.materials(), manifest.itemsPerPrint(), parts, manifest.printProfile(), manifest.estimates(),
                manifest.qcChecklist(), manifest.aql(), manifest.instructions(), manifest.medicalDisclaimer(),
                previewSha256, now, status == DesignStatus.PUBLISHED ? now : null, null, createdBy);
    }

    /** The name a part file is served under: the last segment of its path in the library. */
    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
