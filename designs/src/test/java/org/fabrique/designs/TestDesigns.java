package org.fabrique.designs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fabrique.jstl.Stl;
import org.fabrique.jstl.TriangleMesh;

/** A small valid design (a 10 mm cube printed twice per item) and the means to break it. */
final class TestDesigns {

    /** A digest of the right shape, for tests that do not look at files. */
    static final String ANY_SHA256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static final String VALID_MANIFEST = """
            # A test design: comments survive in-place edits.
            slug: test-block
            version: 1.0.0
            status: PUBLISHED
            category: face-shield
            license: CC-BY-4.0
            authors: [Test Author]
            title: {fr: Bloc d'essai, en: Test block}
            description: {fr: Un cube de 10 mm., en: A 10 mm cube.}
            materials: [PETG, PLA]
            itemsPerPrint: 1
            parts:
              - name: block
                file: stl/block.stl
                source: {scad: src/block.scad, parameters: {size: 10, label: A-1}}
                countPerItem: 2
                sha256: "SHA256_OF_STL"
                bytes: 684
                triangles: 12
                bbox: {min: [0, 0, 0], max: [10, 10, 10]}
                volume: 1000
            printProfile:
              layerHeight: 0.2
              perimeters: 3
              infillPercent: 20
              nozzle: 0.4
              temperatures:
                PETG: {nozzle: 235, bed: 80}
                PLA: {nozzle: 210, bed: 60}
            estimates:
              slicer: PrusaSlicer 2.5.0
              material: PETG
              massGramsPerItem: 2.5
              printMinutesPerItem: 12
              parts:
                block: {massGrams: 1.25, printMinutes: 6}
            qcChecklist:
              - id: no-sharp-edges
                critical: true
                text: {fr: Aucune arête vive., en: No sharp edge.}
              - id: block-size
                critical: false
                text: {fr: Côté du cube., en: Side of the cube.}
                measure: {nominal: 10, tolerance: 0.2, unit: mm}
            aql: 2.5
            instructions:
              assembly: {fr: Rien à assembler., en: Nothing to assemble.}
              disinfection: {fr: Alcool à 70 %., en: 70% alcohol.}
            preview: preview.png
            medicalDisclaimer: {fr: Pas un dispositif médical., en: Not a medical device.}
            """;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private TestDesigns() {}

    /** Where {@link #writeDesign} puts the digest of the STL it writes. */
    static final String DIGEST_PLACEHOLDER = "SHA256_OF_STL";

    /** The valid manifest with a digest of the right shape. */
    static String validManifest() {
        return VALID_MANIFEST.replace(DIGEST_PLACEHOLDER, ANY_SHA256);
    }

    static DesignManifest parse(String yaml) throws DesignLibraryException {
        return DesignManifests.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test/design.yaml");
    }

    /**
     * Writes a complete design folder {@code root/slug}: the STL of {@code mesh}, an OpenSCAD
     * source, a preview and the manifest, whose digest is set to the STL's and whose slug is
     * {@code slug}. {@code manifest} may hold {@link #DIGEST_PLACEHOLDER} where the digest goes.
     */
    static Path writeDesign(Path root, String slug, String manifest, float[] mesh) throws IOException {
        Path folder = root.resolve(slug);
        Files.createDirectories(folder.resolve("stl"));
        Files.createDirectories(folder.resolve("src"));
        Path stl = folder.resolve("stl/block.stl");
        writeStl(stl, mesh);
        Files.writeString(folder.resolve("src/block.scad"), "cube(size);\n");
        Files.write(folder.resolve("preview.png"), PNG_SIGNATURE);
        String text = manifest.replace(DIGEST_PLACEHOLDER, sha256(stl)).replace("slug: test-block", "slug: " + slug);
        Files.writeString(folder.resolve("design.yaml"), text);
        return folder;
    }

    static void writeStl(Path file, float[] coordinates) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Stl.writeBinary(TriangleMesh.of(coordinates), out);
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
