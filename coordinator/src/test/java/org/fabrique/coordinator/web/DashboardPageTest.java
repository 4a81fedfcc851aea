package org.fabrique.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.CoordinatorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The coordinator dashboard in a real browser. */
class DashboardPageTest extends CoordinatorTest {

    @BeforeEach
    void needsABrowser() {
        Browser.assumeInstalled();
    }

    private String url() {
        return coordinator.baseUrl() + "/dashboard";
    }

    private static int openItems(Browser browser) {
        return Integer.parseInt(browser.find("#totals [data-stage=open] .value").getText().replaceAll("\\D", ""));
    }

    @Test
    void aNeedPostedAtAHospitalAppearsOnTheDashboardLiveWithoutReloading() {
        try (Browser browser = Browser.open(Browser.Screen.DESKTOP, "en")) {
            browser.get(url());
            browser.signIn(coordinatorToken);
            browser.visible("#totals [data-stage=open]");
            int before = openItems(browser);
            browser.script("window.stillTheSamePage = true");

            String needId = api.postNeed(hospital.token(), DESIGN, 37);

            browser.waitUntil(d -> openItems(browser) == before + 37);
            WebElement event = browser.visible("#feed li[data-type='need.posted']");
            assertThat(event.getText()).contains("New need from CHU de test: 37 ×", DESIGN);
            assertThat(browser.script("return window.stillTheSamePage")).isEqualTo(true);
            assertThat(browser.find("#live-status").getText()).isEqualTo("Live");
            assertThat(browser.find("#hospitals").getText()).contains("CHU de test");
            Api.expect(api.post("/api/needs/" + needId + "/cancel", coordinatorToken, java.util.Map.of()), 200);
        }
    }

    @Test
    void theDashboardHasNoSeriousAccessibilityProblemInEitherLanguage() {
        try (Browser browser = Browser.open(Browser.Screen.DESKTOP, "fr")) {
            browser.get(url());
            browser.visible("#login-form");
            assertThat(browser.accessibilityViolations()).as("sign-in form").isEmpty();
            browser.signIn(coordinatorToken);
            browser.visible("#throughput-chart canvas");
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("fr");
            assertThat(browser.find("h1").getText()).isEqualTo("Tableau de bord du réseau");
            assertThat(browser.accessibilityViolations()).as("dashboard in French").isEmpty();

            browser.chooseLanguage("en");
            assertThat(browser.find("h1").getText()).isEqualTo("Network dashboard");
            assertThat(browser.accessibilityViolations()).as("dashboard in English").isEmpty();
        }
    }

    @Test
    void aHospitalTokenDoesNotOpenTheDashboard() {
        try (Browser browser = Browser.open(Browser.Screen.DESKTOP, "en")) {
            browser.get(url());
            browser.visible("#token").sendKeys(hospital.token());
            browser.find("#login-form button[type=submit]").click();

            WebElement message = browser.visible("#login-message .message");
            assertThat(message.getText()).isEqualTo("This is not a coordinator’s token.");
            assertThat(browser.find("#app").isDisplayed()).isFalse();
            assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
        }
    }
}
