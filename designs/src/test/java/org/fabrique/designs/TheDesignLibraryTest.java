package org.fabrique.designs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fabrique.designs.DesignManifest.Part;
import org.fabrique.designs.DesignManifest.QcItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the real, committed library: every manifest complete and valid, every STL exactly as
 * declared (sha-256, size, triangles, bounds, volume), watertight, consistently oriented, facing
 * outward and fitting a 200 x 200 x 200 mm bed. Loading fails on the first broken design with
 * the file and the problem, which is what this test reports.
 */
class TheDesignLibraryTest {

    private static DesignLibrary library;

    @BeforeAll
    static void loadTheLibrary() throws DesignLibraryException {
        library = DesignLibrary.load(libraryRoot());
    }

    /** The module folder: Maven sets the property; a plain run starts in the module folder. */
    static Path libraryRoot() {
        return Path.of(System.getProperty("fabrique.designs.root", "")).toAbsolutePath();
    }

    @Test
    void holdsTheFaceShieldAndSyringePumpDesigns() {
        assertThat(library.designs()).extracting(d -> d.manifest().slug()).containsExactly(
                "face-shield-bottom-reinforcement", "face-shield-headband", "face-shield-headband-stack", "syringe-pump");
    }

    @Test
    void everyDesignIsAPublishedFirstVersionUnderAnOpenLicence() {
        assertThat(library.designs()).allSatisfy(d -> {
            assertThat(d.manifest().version()).isEqualTo("1.0.0");
            assertThat(d.manifest().status()).isEqualTo(DesignStatus.PUBLISHED);
            assertThat(DesignManifestValidator.OPEN_LICENSES).contains(d.manifest().license());
        });
    }

    @Test
    void everyPartIsAWatertightOutwardSolidThatFitsTheReferenceBed() {
        assertThat(library.designs()).flatMap(LoadedDesign::parts).allSatisfy(part -> {
            assertThat(part.mesh().watertight()).as(part.file() + " watertight").isTrue();
            assertThat(part.mesh().consistentlyOriented()).as(part.file() + " oriented").isTrue();
            assertThat(part.mesh().volume()).as(part.file() + " volume").isPositive();
            assertThat(part.mesh().bbox().fitsWithin(200, 200, 200)).as(part.file() + " fits").isTrue();
        });
    }

    @Test
    void theHeadbandIsAtLeastTenMillimetresWideAsItsChecklistSays() {
        LoadedDesign headband = library.design("face-shield-headband").orElseThrow();
        QcItem width = headband.manifest().qcChecklist().stream()
                .filter(item -> item.id().equals("headband-width")).findFirst().orElseThrow();
        // printed flat: the band's width on the forehead is the part's height
        double printedHeight = headband.parts().get(0).mesh().bbox().sizeZ();

        assertThat(width.measure().nominal()).isGreaterThanOrEqualTo(10);
        assertThat(printedHeight).isEqualTo(width.measure().nominal(), org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void theStackPrintsFourHeadbandsSeparatedByOneLayer() {
        LoadedDesign stack = library.design("face-shield-headband-stack").orElseThrow();
        LoadedDesign single = library.design("face-shield-headband").orElseThrow();
        LoadedPart stackPart = stack.parts().get(0);
        double bandHeight = single.parts().get(0).mesh().bbox().sizeZ();
        double layer = stack.manifest().printProfile().layerHeight();

        assertThat(stack.manifest().itemsPerPrint()).isEqualTo(4);
        assertThat(stackPart.mesh().shells()).isEqualTo(4);
        assertThat(stackPart.mesh().bbox().sizeZ()).isEqualTo(4 * bandHeight + 3 * layer, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(stackPart.mesh().volume()).isEqualTo(4 * single.parts().get(0).mesh().volume(), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void theSyringePumpIsOneSetOfFourParts() {
        LoadedDesign pump = library.design("syringe-pump").orElseThrow();

        assertThat(pump.manifest().category()).isEqualTo(DesignCategory.SYRINGE_PUMP);
        assertThat(pump.manifest().parts()).extracting(Part::name)
                .containsExactlyInAnyOrder("motor-mount", "syringe-clamp", "plunger-pusher", "idler-end");
        assertThat(pump.manifest().parts()).extracting(Part::countPerItem).containsOnly(1);
    }

    @Test
    void everyPartComesFromASingleShell() {
        assertThat(library.designs()).filteredOn(d -> d.manifest().itemsPerPrint() == 1).flatMap(LoadedDesign::parts)
                .allSatisfy(part -> assertThat(part.mesh().shells()).as(part.file().toString()).isEqualTo(1));
    }
}
