package org.fabrique.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.CoordinatorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** The hospital desk in a real browser, on a phone-sized screen, in French as the browser asks. */
class HospitalDeskPageTest extends CoordinatorTest {

    @BeforeEach
    void needsABrowser() {
        Browser.assumeInstalled();
    }

    @Test
    void staffHomologateAVersionPostANeedAndReceiveInspectAndApproveTheLotFromItsLabel() {
        Api.Hospital clinic = api.createHospital(coordinatorToken, "Clinique du Parc", "69006");
        try (Browser browser = Browser.open(Browser.Screen.PHONE, "fr")) {
            browser.get(coordinator.baseUrl() + "/desk");
            browser.signIn(clinic.token());
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("fr");
            assertThat(browser.visible("#hospital-name").getText()).isEqualTo("Clinique du Parc");

            browser.click(browser.find("#homologations + details summary"));
            new Select(browser.visible("#homologation-version")).selectByValue(DESIGN + "@1.0.0");
            browser.click("#homologation-form button[type=submit]");
            assertThat(browser.visible("#homologation-message .message.success").getText()).contains("homologué");

            browser.click("#need-details summary");
            new Select(browser.visible("#need-design")).selectByValue(DESIGN);
            browser.find("#need-quantity").sendKeys("6");
            new Select(browser.find("#need-priority")).selectByValue("CRITICAL");
            browser.find("#need-point").sendKeys("Urgences pédiatriques");
            browser.click("#need-form button[type=submit]");
            assertThat(browser.visible("#need-message .message.success").getText()).isEqualTo("Besoin publié : 6 × Cadre.");
            JsonNode need = Api.expect(api.get("/api/needs", clinic.token()), 200).body().get(0);
            assertThat(need.get("quantity").asInt()).isEqualTo(6);
            assertThat(need.get("priority").asString()).isEqualTo("CRITICAL");
            assertThat(need.get("acceptedVersions")).extracting(JsonNode::asString).containsExactly("1.0.0");
            assertThat(need.get("deliveryPoint").get("name").asString()).isEqualTo("Urgences pédiatriques");

            String lotNumber = printAndShip(need.get("id").asString());
            browser.waitUntil(d -> browser.find("#incoming-lots").getText().contains(lotNumber));
            assertThat(browser.fitsTheWidth()).as("the desk fits a 390 px wide phone").isTrue();

            WebElement code = browser.find("#lot-code");
            code.sendKeys("http://localhost:8080/lots/" + lotNumber + "?design=" + DESIGN + "&version=1.0.0&qty=6");
            browser.click("#receive-form button[type=submit]");
            assertThat(browser.visible("#receive-message .message.success").getText()).contains("Lot " + lotNumber + " réceptionné.");
            assertThat(lotState(lotNumber, clinic)).isEqualTo("RECEIVED");

            browser.click("#receive-message button");
            browser.visible("#inspection");
            assertThat(browser.find("#inspection-heading").getText()).isEqualTo("Inspection du lot " + lotNumber);
            JsonNode plan = Api.expect(api.get("/api/lots/" + lotNumber + "/inspection", clinic.token()), 200).body().get("plan");
            List<WebElement> items = browser.all("#samples fieldset.sample");
            assertThat(items).hasSize(plan.get("sampleSize").asInt());
            assertThat(browser.find("#decide").isEnabled()).as("nothing answered yet").isFalse();
            for (WebElement item : items) {
                browser.click(item.findElement(org.openqa.selenium.By.cssSelector("button")));
            }
            assertThat(browser.find("#inspection-tally").getText()).contains("Le plan conclut : approuver.");
            assertThat(browser.fitsTheWidth()).as("the inspection fits a phone").isTrue();
            WebElement decide = browser.find("#decide");
            assertThat(decide.getText()).isEqualTo("Approuver le lot");
            browser.click(decide);

            assertThat(browser.visible("#receive-message .message.success").getText()).isEqualTo("Lot " + lotNumber + " : Approuvé.");
            assertThat(lotState(lotNumber, clinic)).isEqualTo("APPROVED");
            JsonNode inspection = Api.expect(api.get("/api/lots/" + lotNumber + "/inspection", clinic.token()), 200).body();
            assertThat(inspection.get("status").asString()).isEqualTo("DECIDED");
            assertThat(Api.expect(api.get("/api/needs/" + need.get("id").asString(), clinic.token()), 200).number("approved"))
                    .isEqualTo(6);
            browser.waitUntil(d -> browser.find("#decided-lots").getText().contains(lotNumber));
        }
    }

    @Test
    void theDeskHasNoSeriousAccessibilityProblemOnAPhone() {
        Api.Hospital clinic = api.createHospital(coordinatorToken, "Centre hospitalier de Givors", "69700");
        Api.expect(api.post("/api/hospitals/" + clinic.id() + "/homologations", clinic.token(),
                Map.of("design", DESIGN, "version", "1.0.0")), 201);
        String lotNumber = printAndShip(api.postNeed(clinic.token(), DESIGN, 3));
        Api.expect(api.lotAction(clinic.token(), lotNumber, "receive", null, Api.newKey()), 200);
        try (Browser browser = Browser.open(Browser.Screen.PHONE, "fr")) {
            browser.get(coordinator.baseUrl() + "/desk");
            browser.visible("#login-form");
            assertThat(browser.accessibilityViolations()).as("sign-in form").isEmpty();
            browser.signIn(clinic.token());
            browser.waitUntil(d -> browser.find("#received-lots").getText().contains(lotNumber));
            assertThat(browser.accessibilityViolations()).as("desk").isEmpty();
            assertThat(browser.fitsTheWidth()).isTrue();

            browser.click("#received-lots button");
            browser.visible("#samples fieldset.sample");
            assertThat(browser.accessibilityViolations()).as("inspection").isEmpty();

            browser.chooseLanguage("en");
            assertThat(browser.find("#inspection-heading").getText()).isEqualTo("Inspection of lot " + lotNumber);
            assertThat(browser.find("h1").getText()).isEqualTo("Hospital desk");
            assertThat(browser.accessibilityViolations()).as("inspection in English").isEmpty();
        }
    }

    @Test
    void aLabelsQrCodeOpensTheDeskOnItsLot() {
        Api.Hospital clinic = api.createHospital(coordinatorToken, "Hôpital de la Croix-Rousse", "69004");
        String lotNumber = printAndShip(api.postNeed(clinic.token(), DESIGN, 2));
        try (Browser browser = Browser.open(Browser.Screen.PHONE, "en")) {
            browser.get(coordinator.baseUrl() + "/lots/" + lotNumber);
            browser.signIn(clinic.token());

            browser.waitUntil(d -> lotNumber.equals(browser.find("#lot-code").getAttribute("value")));
            browser.click("#receive-form button[type=submit]");
            assertThat(browser.visible("#receive-message .message.success").getText()).contains("Lot " + lotNumber + " received.");
            assertThat(lotState(lotNumber, clinic)).isEqualTo("RECEIVED");
        }
    }

    /** The maker prints the whole need in one lot and ships it; returns its lot number. */
    private String printAndShip(String needId) {
        int quantity = Api.expect(api.get("/api/needs/" + needId, coordinatorToken), 200).number("quantity");
        JsonNode lot = claimLot(maker, quantity).body();
        assertThat(lot.get("needId").asString()).isEqualTo(needId);
        String id = lot.get("id").asString();
        Api.expect(api.lotAction(maker.token(), id, "start", null, Api.newKey()), 200);
        Api.expect(api.lotAction(maker.token(), id, "report", Map.of("printed", quantity, "failed", 0), Api.newKey()), 200);
        Api.expect(api.lotAction(maker.token(), id, "ship", Map.of("carrier", "Coursier"), Api.newKey()), 200);
        return lot.get("lotNumber").asString();
    }

    private String lotState(String lotNumber, Api.Hospital who) {
        return Api.expect(api.get("/api/lots/" + lotNumber, who.token()), 200).text("state");
    }
}
