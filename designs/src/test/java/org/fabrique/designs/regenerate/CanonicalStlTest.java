package org.fabrique.designs.regenerate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.fabrique.jstl.MeshReport;
import org.fabrique.jstl.Stl;
import org.fabrique.jstl.TriangleMesh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalStlTest {

    private static final float[] TETRAHEDRON = {
        0, 0, 0, 0, 10, 0, 10, 0, 0,
        0, 0, 0, 10, 0, 0, 0, 0, 10,
        0, 0, 0, 0, 0, 10, 0, 10, 0,
        10, 0, 0, 0, 10, 0, 0, 0, 10
    };

    @Test
    void theSameTrianglesInAnyOrderAndStartingCornerGiveTheSameBytes() throws IOException {
        byte[] reference = bytes(CanonicalStl.canonical(TriangleMesh.of(TETRAHEDRON)));
        Random random = new Random(42);
        for (int trial = 0; trial < 20; trial++) {
            float[] shuffled = shuffledAndRotated(TETRAHEDRON, random);

            assertThat(bytes(CanonicalStl.canonical(TriangleMesh.of(shuffled)))).isEqualTo(reference);
        }
    }

    @Test
    void theWindingOfEveryTriangleIsKept() {
        MeshReport before = Stl.analyze(TriangleMesh.of(TETRAHEDRON));
        MeshReport after = Stl.analyze(CanonicalStl.canonical(TriangleMesh.of(TETRAHEDRON)));

        assertThat(before.consistentlyOriented()).isTrue();
        assertThat(after.consistentlyOriented()).isTrue();
        assertThat(after.volume()).isEqualTo(before.volume()).isPositive();
    }

    @Test
    void aFileIsRewrittenInPlace(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("part.stl");
        Files.write(file, bytes(TriangleMesh.of(shuffledAndRotated(TETRAHEDRON, new Random(7)))));

        CanonicalStl.rewrite(file);

        assertThat(Files.readAllBytes(file)).isEqualTo(bytes(CanonicalStl.canonical(TriangleMesh.of(TETRAHEDRON))));
        try (var listing = Files.list(folder)) {
            assertThat(listing).containsExactly(file);
        }
    }

    private static float[] shuffledAndRotated(float[] mesh, Random random) {
        List<float[]> triangles = new ArrayList<>();
        for (int t = 0; t < mesh.length / 9; t++) {
            int start = random.nextInt(3);
            float[] triangle = new float[9];
            for (int k = 0; k < 3; k++) {
                System.arraycopy(mesh, t * 9 + ((start + k) % 3) * 3, triangle, k * 3, 3);
            }
            triangles.add(triangle);
        }
        Collections.shuffle(triangles, random);
        float[] result = new float[mesh.length];
        for (int t = 0; t < triangles.size(); t++) {
            System.arraycopy(triangles.get(t), 0, result, t * 9, 9);
        }
        return result;
    }

    private static byte[] bytes(TriangleMesh mesh) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Stl.writeBinary(mesh, out);
        return out.toByteArray();
    }
}
