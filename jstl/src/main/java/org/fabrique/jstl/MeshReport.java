package org.fabrique.jstl;

import java.util.Optional;

/**
 * What {@link Stl#analyze} found in a mesh.
 *
 * @param format encoding of the file the mesh was read from
 * @param triangles number of triangles
 * @param vertices distinct vertices after exact welding (equal bit for bit, -0.0 taken as 0.0)
 * @param bbox bounding box
 * @param area surface area
 * @param volume signed volume: negative for an inside-out mesh; only meaningful when watertight
 * @param watertight no boundary edge and no non-manifold edge
 * @param consistentlyOriented no misoriented edge
 * @param boundaryEdges edges used by exactly one triangle
 * @param nonManifoldEdges edges used by more than two triangles
 * @param misorientedEdges edges shared by two triangles that traverse it in the same direction
 * @param degenerateTriangles triangles of zero area (including those with repeated corners)
 * @param normalMismatches triangles whose stored facet normal points away from their winding
 * @param shells connected components (triangles linked through shared vertices)
 */
public record MeshReport(
    StlFormat format,
    int triangles,
    int vertices,
    BoundingBox bbox,
    double area,
    double volume,
    boolean watertight,
    boolean consistentlyOriented,
    long boundaryEdges,
    long nonManifoldEdges,
    long misorientedEdges,
    long degenerateTriangles,
    long normalMismatches,
    int shells) {

  /** A probable unit mistake: largest size under 1 or over 2000 (read as millimetres). */
  public Optional<UnitWarning> unitWarning() {
    return Units.warningFor(bbox.largestSize());
  }

  /** The JSON object the command line prints. */
  public String toJson() {
    return ReportJson.write(this);
  }
}
