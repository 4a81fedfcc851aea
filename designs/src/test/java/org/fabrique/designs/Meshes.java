package org.fabrique.designs;

import java.util.Arrays;

/** Triangle soups for tests: nine coordinates per triangle, counter-clockwise seen from outside. */
final class Meshes {

    private Meshes() {}

    /** A closed, outward-facing cube of side {@code s} with a corner at the origin (12 triangles). */
    static float[] cube(float s) {
        return new float[] {
            0, 0, 0, 0, s, 0, s, s, 0,   0, 0, 0, s, s, 0, s, 0, 0,  // z = 0
            0, 0, s, s, 0, s, s, s, s,   0, 0, s, s, s, s, 0, s, s,  // z = s
            0, 0, 0, s, 0, 0, s, 0, s,   0, 0, 0, s, 0, s, 0, 0, s,  // y = 0
            0, s, 0, 0, s, s, s, s, s,   0, s, 0, s, s, s, s, s, 0,  // y = s
            0, 0, 0, 0, 0, s, 0, s, s,   0, 0, 0, 0, s, s, 0, s, 0,  // x = 0
            s, 0, 0, s, s, 0, s, s, s,   s, 0, 0, s, s, s, s, 0, s   // x = s
        };
    }

    /** A box of the given sizes, corner at the origin. */
    static float[] box(float x, float y, float z) {
        float[] unit = cube(1);
        float[] box = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            box[i] = unit[i] * (i % 3 == 0 ? x : i % 3 == 1 ? y : z);
        }
        return box;
    }

    /** The mesh with triangle {@code index} removed: three edges are left open. */
    static float[] withoutTriangle(float[] mesh, int index) {
        float[] result = new float[mesh.length - 9];
        System.arraycopy(mesh, 0, result, 0, index * 9);
        System.arraycopy(mesh, (index + 1) * 9, result, index * 9, mesh.length - (index + 1) * 9);
        return result;
    }

    /** The mesh with triangle {@code index} wound the other way. */
    static float[] withFlippedTriangle(float[] mesh, int index) {
        float[] result = Arrays.copyOf(mesh, mesh.length);
        flip(result, index);
        return result;
    }

    /** Every triangle wound the other way: closed and consistent, but facing inward. */
    static float[] insideOut(float[] mesh) {
        float[] result = Arrays.copyOf(mesh, mesh.length);
        for (int t = 0; t < mesh.length / 9; t++) {
            flip(result, t);
        }
        return result;
    }

    private static void flip(float[] mesh, int triangle) {
        for (int axis = 0; axis < 3; axis++) {
            int second = triangle * 9 + 3 + axis;
            int third = triangle * 9 + 6 + axis;
            float keep = mesh[second];
            mesh[second] = mesh[third];
            mesh[third] = keep;
        }
    }
}
