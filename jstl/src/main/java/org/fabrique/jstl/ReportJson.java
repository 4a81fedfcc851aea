package org.fabrique.jstl;

/** Writes a {@link MeshReport} as one JSON object, keys in a fixed order. */
final class ReportJson {

  private ReportJson() {}

  static String write(MeshReport report) {
    BoundingBox box = report.bbox();
    StringBuilder json = new StringBuilder(512);
    json.append('{');
    json.append("\"format\":\"").append(report.format().name()).append('"');
    json.append(",\"triangles\":").append(report.triangles());
    json.append(",\"vertices\":").append(report.vertices());
    json.append(",\"bbox\":{\"min\":");
    vector(json, box.minX(), box.minY(), box.minZ());
    json.append(",\"max\":");
    vector(json, box.maxX(), box.maxY(), box.maxZ());
    json.append(",\"size\":");
    vector(json, box.sizeX(), box.sizeY(), box.sizeZ());
    json.append('}');
    json.append(",\"area\":").append(number(report.area()));
    json.append(",\"volume\":").append(number(report.volume()));
    json.append(",\"watertight\":").append(report.watertight());
    json.append(",\"consistentlyOriented\":").append(report.consistentlyOriented());
    json.append(",\"boundaryEdges\":").append(report.boundaryEdges());
    json.append(",\"nonManifoldEdges\":").append(report.nonManifoldEdges());
    json.append(",\"misorientedEdges\":").append(report.misorientedEdges());
    json.append(",\"degenerateTriangles\":").append(report.degenerateTriangles());
    json.append(",\"normalMismatches\":").append(report.normalMismatches());
    json.append(",\"shells\":").append(report.shells());
    java.util.Optional<UnitWarning> unitWarning = report.unitWarning();
    if (unitWarning.isPresent()) {
      UnitWarning warning = unitWarning.get();
      json.append(",\"unitWarning\":{\"kind\":\"").append(warning.kind().name())
          .append("\",\"largestSize\":").append(number(warning.largestSize()))
          .append(",\"suggestedScale\":").append(number(warning.suggestedScale()))
          .append(",\"message\":");
      string(json, warning.message());
      json.append('}');
    }
    json.append('}');
    return json.toString();
  }

  private static void vector(StringBuilder json, double x, double y, double z) {
    json.append('[').append(number(x)).append(',').append(number(y)).append(',')
        .append(number(z)).append(']');
  }

  /** Shortest text that reads back to the same value; floats (bounding box) print as floats. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no representation for " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    float narrow = (float) value;
    return narrow == value ? Float.toString(narrow) : Double.toString(value);
  }

  private static void string(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
