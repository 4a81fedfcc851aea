package org.fabrique.coordinator.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.CoordinatorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class SamplingPlanApiTest extends CoordinatorTest {

    private static final String PLAN = "/api/inspection/sampling-plan";

    @Test
    void anyoneGetsThePlanForALotSizeAndAnAql() {
        JsonNode plan = Api.expect(api.get(PLAN + "?lotSize=1000&aql=0.25", null), 200).body();

        assertThat(plan.get("lotSize").asInt()).isEqualTo(1000);
        assertThat(plan.get("aql").asDouble()).isEqualTo(0.25);
        assertThat(plan.get("codeLetter").asString()).isEqualTo("J");
        assertThat(plan.get("planCodeLetter").asString()).isEqualTo("H");
        assertThat(plan.get("sampleSize").asInt()).isEqualTo(50);
        assertThat(plan.get("acceptNumber").asInt()).isEqualTo(0);
        assertThat(plan.get("rejectNumber").asInt()).isEqualTo(1);
        assertThat(plan.get("fullInspection").asBoolean()).isFalse();
    }

    @Test
    void theAqlIs2Point5WhenNotGivenAndSignedInAccountsMayAskToo() {
        Api.Response response = Api.expect(api.get(PLAN + "?lotSize=500", maker.token()), 200);

        assertThat(response.body().get("aql").asDouble()).isEqualTo(2.5);
        assertThat(response.number("sampleSize")).isEqualTo(50);
        assertThat(response.number("acceptNumber")).isEqualTo(3);
        assertThat(response.number("rejectNumber")).isEqualTo(4);
        assertThat(response.headers().getCacheControl()).contains("public");
    }

    @Test
    void aLotSmallerThanItsSampleIsInspectedWhole() {
        Api.Response response = Api.expect(api.get(PLAN + "?lotSize=10&aql=1.0", hospital.token()), 200);

        assertThat(response.body().get("fullInspection").asBoolean()).isTrue();
        assertThat(response.number("sampleSize")).isEqualTo(10);
        assertThat(response.number("acceptNumber")).isEqualTo(0);
        assertThat(response.number("rejectNumber")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "                      | lotSize: is required",
            "lotSize=0             | lotSize: must be a whole number from 1 to 2147483647, got \"0\"",
            "lotSize=-5            | lotSize: must be a whole number",
            "lotSize=twelve        | lotSize: must be a whole number",
            "lotSize=99999999999   | lotSize: must be a whole number",
            "lotSize=12.5          | lotSize: must be a whole number",
            "lotSize=100&aql=3     | aql: 3.0 is not an acceptance quality limit of ISO 2859-1",
            "lotSize=100&aql=2,5   | aql: must be a decimal number such as 2.5, got \"2,5\"",
            "lotSize=100&aql=1e1   | aql: must be a decimal number",
            "lotSize=100&aql=NaN   | aql: must be a decimal number"})
    void badInputIsAValidationProblem(String query, String detail) {
        Api.Response response = api.get(PLAN + (query == null ? "" : "?" + query), null);

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("/problems/validation-failed");
        assertThat(response.text("detail")).startsWith(detail);
    }
}
