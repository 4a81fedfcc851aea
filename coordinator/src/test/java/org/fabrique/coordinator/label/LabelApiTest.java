package org.fabrique.coordinator.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.CoordinatorTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Labels through HTTP: who may get one, when, and that what is served reads back right. */
class LabelApiTest extends CoordinatorTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private String printedLotId;
    private String printedLotNumber;
    private String claimedLotId;
    private String makerPseudonym;
    private LocalDate printedOn;

    private record Binary(int status, String contentType, String disposition, byte[] body) {
    }

    @BeforeAll
    void aLotPrintedWithOneFailureAndALotStillClaimed() {
        api.postNeed(hospital.token(), DESIGN, 10);
        printedLotId = claimLot(maker, 3).text("id");
        Api.expect(api.lotAction(maker.token(), printedLotId, "start", null, Api.newKey()), 200);
        JsonNode reported = Api.expect(api.lotAction(maker.token(), printedLotId, "report",
                Map.of("printed", 2, "failed", 1), Api.newKey()), 200).body();
        printedLotNumber = reported.get("lotNumber").asString();
        for (JsonNode transition : reported.get("history")) {
            if (transition.get("to").asString().equals("PRINTED")) {
                printedOn = Instant.parse(transition.get("at").asString()).atZone(ZoneOffset.UTC).toLocalDate();
            }
        }
        claimedLotId = claimLot(maker, 2).text("id");
        makerPseudonym = Api.expect(api.get("/api/makers/me", maker.token()), 200).text("pseudonym");
    }

    private Binary get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.problemType()).isEqualTo("/problems/" + type);
    }

    @Test
    void theMakersPngLabelScansBackToTheLotsUrlAndItsFields() {
        Binary label = get("/api/lots/" + printedLotNumber + "/label.png", maker.token());

        assertThat(label.status()).isEqualTo(200);
        assertThat(label.contentType()).isEqualTo("image/png");
        assertThat(label.disposition()).isEqualTo("inline; filename=\"" + printedLotNumber + "-62x100.png\"");
        LabelReading.Scanned scanned = LabelReading.scan(label.body());
        assertThat(scanned.base()).isEqualTo("http://localhost:8080/lots");
        assertThat(scanned.lotNumber()).isEqualTo(printedLotNumber);
        assertThat(scanned.fields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "design", DESIGN,
                "version", "1.0.0",
                "qty", "2",
                "material", "PETG",
                "maker", makerPseudonym,
                "printed", printedOn.toString()));
    }

    @Test
    void theHospitalsPdfLabelIsOnTheChosenStockAndSaysEverything() {
        Binary label = get("/api/lots/" + printedLotId + "/label.pdf?size=100x150", hospital.token());

        assertThat(label.status()).isEqualTo(200);
        assertThat(label.contentType()).isEqualTo("application/pdf");
        LabelReading.Pdf pdf = LabelReading.pdf(label.body());
        assertThat(pdf.pageSize().getWidth()).isCloseTo(283.46f, within(0.01f));
        assertThat(pdf.pageSize().getHeight()).isCloseTo(425.20f, within(0.01f));
        assertThat(LabelReading.flowing(pdf.text())).contains(printedLotNumber, "Pas un dispositif médical certifié",
                "Not a certified medical device", "Cadre / Frame", DESIGN + "@1.0.0", "Quantité / Quantity: 2",
                "Matériau / Material: PETG", makerPseudonym, printedOn.toString(), "CHU de test — Pharmacie centrale",
                "Pas un dispositif médical", "Not a medical device");
    }

    @Test
    void theDefaultIsABrotherLabelAndTheLanguageCanBeChosen() {
        LabelReading.Pdf english = LabelReading.pdf(
                get("/api/lots/" + printedLotNumber + "/label.pdf?lang=en", coordinatorToken).body());
        LabelReading.Pdf a4French = LabelReading.pdf(
                get("/api/lots/" + printedLotNumber + "/label.pdf?lang=FR&size=A4", coordinatorToken).body());

        assertThat(english.pageSize().getWidth()).isCloseTo(175.75f, within(0.01f));
        assertThat(english.pageSize().getHeight()).isCloseTo(283.46f, within(0.01f));
        assertThat(LabelReading.flowing(english.text())).contains("Frame", "Quantity: 2", "Pas un dispositif médical certifié")
                .doesNotContain("Cadre", "Quantité");
        assertThat(a4French.pageSize().getWidth()).isCloseTo(595.28f, within(0.01f));
        assertThat(LabelReading.flowing(a4French.text())).contains("Cadre", "Quantité : 2", "Not a certified medical device")
                .doesNotContain("Frame", "Quantity");
    }

    @Test
    void anotherMakerOrHospitalGetsNoLabel() {
        Api.Maker otherMaker = trustedMaker("38000");
        Api.Hospital otherHospital = api.createHospital(coordinatorToken, "CH voisin", "38000");

        assertProblem(api.get("/api/lots/" + printedLotId + "/label.png", otherMaker.token()), 403, "forbidden");
        assertProblem(api.get("/api/lots/" + printedLotNumber + "/label.pdf", otherHospital.token()), 403, "forbidden");
        assertProblem(api.get("/api/lots/" + printedLotId + "/label.pdf", null), 401, "unauthenticated");
    }

    @Test
    void anUnknownLotIsNotFound() {
        assertProblem(api.get("/api/lots/65f0c0ffee0000000000beef/label.png", coordinatorToken), 404, "lot-not-found");
        assertProblem(api.get("/api/lots/FAB-000-000-0/label.pdf", coordinatorToken), 404, "lot-not-found");
    }

    @Test
    void aLotNotYetPrintedHasNoLabelYet() {
        Api.Response response = api.get("/api/lots/" + claimedLotId + "/label.pdf", maker.token());

        assertProblem(response, 409, "label-not-ready");
        assertThat(response.text("detail")).endsWith("is CLAIMED; it gets a label once it has been reported printed");
        assertThat(response.text("state")).isEqualTo("CLAIMED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "size=62x29      | size: must be one of 62x100, 100x150, a4, got \"62x29\"",
            "lang=de         | lang: must be fr, en or both, got \"de\""})
    void anUnknownSizeOrLanguageIsAValidationProblem(String query, String detail) {
        Api.Response response = api.get("/api/lots/" + printedLotId + "/label.png?" + query, maker.token());

        assertProblem(response, 400, "validation-failed");
        assertThat(response.text("detail")).isEqualTo(detail);
    }
}
