package org.fabrique.coordinator.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fabrique.coordinator.design.Design;
import org.fabrique.designs.DesignManifest.Estimates;
import org.fabrique.designs.DesignManifest.Instructions;
import org.fabrique.designs.DesignManifest.LocalizedText;
import org.fabrique.designs.DesignManifest.Measure;
import org.fabrique.designs.DesignManifest.PrintProfile;
import org.fabrique.designs.DesignManifest.QcItem;
import org.fabrique.designs.DesignManifest.Temperatures;
import org.fabrique.designs.DesignStatus;
import org.fabrique.designs.Material;

/** Design versions for tests, written straight to the store (the library import has its own tests). */
public final class DesignFixtures {

    private DesignFixtures() {
    }

    public static Builder aDesign(String slug) {
        return new Builder(slug);
    }

    public static final class Builder {
        private final String slug;
        private String version = "1.0.0";
        private DesignStatus status = DesignStatus.PUBLISHED;
        private List<Material> materials = List.of(Material.PETG, Material.PLA);
        private double size = 150;
        private double aql = 2.5;
        private List<QcItem> checklist = List.of(
                new QcItem("no-sharp-edges", new LocalizedText("Pas d'arête vive", "No sharp edge"), true, null));

        Builder(String slug) {
            this.slug = slug;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder status(DesignStatus status) {
            this.status = status;
            return this;
        }

        public Builder materials(Material... materials) {
            this.materials = List.of(materials);
            return this;
        }

        /** Three checks: a critical one, a measurement (band width 12 ± 0.5 mm) and a minor one. */
        public Builder withChecklist() {
            this.checklist = List.of(
                    new QcItem("no-sharp-edges", new LocalizedText("Pas d'arête vive", "No sharp edge"), true, null),
                    new QcItem("band-width", new LocalizedText("Largeur du bandeau", "Band width"), false,
                            new Measure(12, 0.5, "mm")),
                    new QcItem("print-quality", new LocalizedText("Aspect", "Print quality"), false, null));
            return this;
        }

        public Builder aql(double aql) {
            this.aql = aql;
            return this;
        }

        /** The largest dimension of its part, in millimetres. */
        public Builder partSize(double size) {
            this.size = size;
            return this;
        }

        public Design build() {
            Design.Part part = new Design.Part("frame", "frame.stl", "0".repeat(64), 684, 12,
                    new double[] {0, 0, 0}, new double[] {size, size / 2, 10}, 1000, 1);
            return new Design(Design.id(slug, version), slug, version, status, "face-shield", "CC-BY-4.0",
                    List.of("Fabrique tests"), new LocalizedText("Cadre", "Frame"), new LocalizedText("Un cadre", "A frame"),
                    materials, 1, List.of(part),
                    new PrintProfile(0.2, 3, 20, 0.4, Map.of(Material.PETG, new Temperatures(240, 80))),
                    new Estimates("PrusaSlicer 2.5.0", Material.PETG, 16, 60, Map.of()),
                    checklist,
                    aql, new Instructions(new LocalizedText("Assembler", "Assemble"), new LocalizedText("Désinfecter", "Disinfect")),
                    new LocalizedText("Pas un dispositif médical", "Not a medical device"), null,
                    Instant.now(), Instant.now(), null, "test");
        }
    }
}
