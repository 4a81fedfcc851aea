package org.fabrique.designs.regenerate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.fabrique.jstl.Stl;
import org.fabrique.jstl.StlException;
import org.fabrique.jstl.StlLimits;
import org.fabrique.jstl.TriangleMesh;

/**
 * Puts a mesh's triangles in one canonical order. OpenSCAD writes the same triangles in an order
 * that changes from run to run, so without this the exported files, their digests and even the
 * slicer's estimates would change at every regeneration. Each triangle starts at its smallest
 * corner (a rotation, so its winding and facing are kept) and triangles are sorted by their
 * coordinates; the file is then written by jstl's binary writer, which derives the normals.
 */
final class CanonicalStl {

    private static final int FLOATS_PER_TRIANGLE = 9;

    private CanonicalStl() {}

    static TriangleMesh canonical(TriangleMesh mesh) {
        int count = mesh.triangleCount();
        float[][] triangles = new float[count][];
        for (int t = 0; t < count; t++) {
            triangles[t] = startAtSmallestCorner(mesh, t);
        }
        Arrays.sort(triangles, Arrays::compare);
        float[] coordinates = new float[count * FLOATS_PER_TRIANGLE];
        for (int t = 0; t < count; t++) {
            System.arraycopy(triangles[t], 0, coordinates, t * FLOATS_PER_TRIANGLE, FLOATS_PER_TRIANGLE);
        }
        return TriangleMesh.of(coordinates);
    }

    /** Rewrites {@code file} as a canonical binary STL. */
    static void rewrite(Path file) throws IOException, StlException {
        TriangleMesh mesh = canonical(Stl.read(file, StlLimits.defaults()));
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".canonical-", ".stl");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                Stl.writeBinary(mesh, out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static float[] startAtSmallestCorner(TriangleMesh mesh, int triangle) {
        int first = 0;
        for (int corner = 1; corner < 3; corner++) {
            if (compareCorners(mesh, triangle, corner, first) < 0) {
                first = corner;
            }
        }
        float[] result = new float[FLOATS_PER_TRIANGLE];
        for (int k = 0; k < 3; k++) {
            int corner = (first + k) % 3;
            for (int axis = 0; axis < 3; axis++) {
                result[k * 3 + axis] = mesh.coordinate(triangle, corner, axis);
            }
        }
        return result;
    }

    private static int compareCorners(TriangleMesh mesh, int triangle, int a, int b) {
        for (int axis = 0; axis < 3; axis++) {
            int c = Float.compare(mesh.coordinate(triangle, a, axis), mesh.coordinate(triangle, b, axis));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
