package org.fabrique.agent.fake;

import java.nio.charset.StandardCharsets;

/** Small STL files for tests. */
public final class Stls {

    private Stls() {
    }

    /** A closed tetrahedron, 20 mm on a side, in ASCII STL: valid and watertight. */
    public static byte[] tetrahedron() {
        String stl = """
                solid tetra
                  facet normal 0 0 -1
                    outer loop
                      vertex 0 0 0
                      vertex 0 20 0
                      vertex 20 0 0
                    endloop
                  endfacet
                  facet normal 0 -1 0
                    outer loop
                      vertex 0 0 0
                      vertex 20 0 0
                      vertex 0 0 20
                    endloop
                  endfacet
                  facet normal -1 0 0
                    outer loop
                      vertex 0 0 0
                      vertex 0 0 20
                      vertex 0 20 0
                    endloop
                  endfacet
                  facet normal 0.577 0.577 0.577
                    outer loop
                      vertex 20 0 0
                      vertex 0 20 0
                      vertex 0 0 20
                    endloop
                  endfacet
                endsolid tetra
                """;
        return stl.getBytes(StandardCharsets.US_ASCII);
    }

    /** Starts like an ASCII STL, then breaks off in the middle of a vertex. */
    public static byte[] malformed() {
        return """
                solid broken
                  facet normal 0 0 1
                    outer loop
                      vertex 0 0 zero
                """.getBytes(StandardCharsets.US_ASCII);
    }
}
