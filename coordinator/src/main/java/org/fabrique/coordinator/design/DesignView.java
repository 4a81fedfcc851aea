package org.fabrique.coordinator.design;

import java.time.Instant;
import java.util.List;

import org.fabrique.designs.DesignManifest.Estimates;
import org.fabrique.designs.DesignManifest.Instructions;
import org.fabrique.designs.DesignManifest.LocalizedText;
import org.fabrique.designs.DesignManifest.PrintProfile;
import org.fabrique.designs.DesignManifest.QcItem;
import org.fabrique.designs.DesignStatus;
import org.fabrique.designs.Material;

/** A design version as the API shows it, with download links for its files. */
public record DesignView(
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
        List<PartView> parts,
        PrintProfile printProfile,
        Estimates estimates,
        List<QcItem> qcChecklist,
        double aql,
        Instructions instructions,
        LocalizedText medicalDisclaimer,
        String previewUrl,
        Instant createdAt,
        Instant publishedAt,
        Instant retiredAt) {

    public record PartView(String name, String file, String sha256, long bytes, long triangles, Bounds bbox,
            double volume, int countPerItem, String url) {
    }

    public record Bounds(double[] min, double[] max) {
    }

    public static DesignView of(Design design) {
        String base = "/api/designs/" + design.slug() + "/" + design.version();
        List<PartView> parts = design.parts().stream().map(p -> new PartView(p.name(), p.file(), p.sha256(), p.bytes(),
                p.triangles(), new Bounds(p.bboxMin(), p.bboxMax()), p.volume(), p.countPerItem(), base + "/parts/" + p.file()))
                .toList();
        return new DesignView(design.slug(), design.version(), design.status(), design.category(), design.license(),
                design.authors(), design.title(), design.description(), design.materials(), design.itemsPerPrint(), parts,
                design.printProfile(), design.estimates(), design.qcChecklist(), design.aql(), design.instructions(),
                design.medicalDisclaimer(), design.previewSha256() == null ? null : base + "/preview.png",
                design.createdAt(), design.publishedAt(), design.retiredAt());
    }
}
