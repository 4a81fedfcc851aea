package org.fabrique.jstl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeshReportJsonTest {

  @Test
  void printsEveryFigureOfTheReportInOneObject() {
    MeshReport report = Stl.analyze(Shapes.box(10, 20, 0.5f));

    assertThat(report.toJson()).isEqualTo("{\"format\":\"BINARY\",\"triangles\":12,"
        + "\"vertices\":8,\"bbox\":{\"min\":[0,0,0],\"max\":[10,20,0.5],\"size\":[10,20,0.5]},"
        + "\"area\":430,\"volume\":100,\"watertight\":true,\"consistentlyOriented\":true,"
        + "\"boundaryEdges\":0,\"nonManifoldEdges\":0,\"misorientedEdges\":0,"
        + "\"degenerateTriangles\":0,\"normalMismatches\":0,\"shells\":1}");
  }

  @Test
  void printsAUnitWarningWhenThereIsOne() {
    String json = Stl.analyze(Shapes.box(0.1f, 0.1f, 0.1f)).toJson();

    assertThat(json).contains(",\"unitWarning\":{\"kind\":\"TOO_SMALL\",\"largestSize\":0.1,"
        + "\"suggestedScale\":1000,\"message\":\"the part is only 0.1000 mm across:");
  }

  @Test
  void printsFloatsWithTheirShortestDigitsAndDoublesWithAllOfThem() {
    assertThat(ReportJson.number(0.1f)).isEqualTo("0.1");
    assertThat(ReportJson.number(0.1)).isEqualTo("0.1");
    assertThat(ReportJson.number(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(ReportJson.number(-2)).isEqualTo("-2");
    assertThat(ReportJson.number(1e-7f)).isEqualTo("1.0E-7");
  }
}
