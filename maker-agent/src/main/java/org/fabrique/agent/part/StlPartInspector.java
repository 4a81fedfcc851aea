package org.fabrique.agent.part;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.fabrique.jstl.BoundingBox;
import org.fabrique.jstl.MeshReport;
import org.fabrique.jstl.Stl;
import org.fabrique.jstl.StlException;
import org.fabrique.jstl.StlLimits;
import org.fabrique.jstl.TriangleMesh;

/**
 * Parses a part with jstl: a file that is not a valid STL is refused with jstl's precise message
 * (line and column, or triangle index). The mesh analysis (watertight, size) is reported in the log.
 */
public final class StlPartInspector implements PartInspector {

    @Override
    public MeshSummary inspect(String name, Path file) throws PartRejected, IOException {
        TriangleMesh mesh;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            mesh = Stl.read(in, StlLimits.defaults());
        } catch (StlException e) {
            throw new PartRejected(name + " is not a valid STL: " + e.getMessage());
        }
        if (mesh.triangleCount() == 0) {
            throw new PartRejected(name + " is not a valid STL: it holds no triangle");
        }
        MeshReport report;
        try {
            report = Stl.analyze(mesh);
        } catch (RuntimeException analysisFailed) {
            // the parse above is the gate; the analysis only informs the log, so its failure must not stop a print
            return new MeshSummary(mesh.triangleCount(), null, null);
        }
        BoundingBox box = report.bbox();
        return new MeshSummary(report.triangles(), report.watertight(),
                String.format(Locale.ROOT, "%.1f × %.1f × %.1f mm", box.sizeX(), box.sizeY(), box.sizeZ()));
    }
}
