package org.fabrique.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fabrique.coordinator.dashboard.NetworkScenario;
import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The public transparency page in a real browser: no sign-in, the open data drawn and tabulated. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransparencyPageTest {

    private TestCoordinator coordinator;

    @BeforeAll
    void buildTheNetwork() {
        coordinator = TestCoordinator.builder().embeddedMemory().start();
        NetworkScenario.on(coordinator);
    }

    @AfterAll
    void stop() {
        coordinator.close();
    }

    @BeforeEach
    void needsABrowser() {
        Browser.assumeInstalled();
    }

    @Test
    void anyoneSeesWhatWasRequestedProducedAndApprovedWithChartsAndTables() {
        try (Browser browser = Browser.open(Browser.Screen.DESKTOP, "en-GB")) {
            browser.get(coordinator.baseUrl() + "/");

            browser.visible("#totals [data-total=approved]");
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
            assertThat(browser.find("#totals [data-total=requested] .value").getText()).isEqualTo("10");
            assertThat(browser.find("#totals [data-total=produced] .value").getText()).isEqualTo("4");
            assertThat(browser.find("#totals [data-total=approved] .value").getText()).isEqualTo("3");
            assertThat(browser.find("#totals [data-total=rejected] .value").getText()).isEqualTo("1");
            assertThat(browser.all("#daily-chart canvas")).as("the daily chart is drawn").hasSize(1);
            assertThat(browser.find("#designs tbody").getText()).contains("Frame", "10", "3");
            assertThat(browser.find("#regions tbody").getText()).contains("Auvergne-Rhône-Alpes");
            assertThat(browser.all("#downloads a")).extracting(a -> a.getAttribute("href"))
                    .contains(coordinator.baseUrl() + "/api/open-data/designs.csv", coordinator.baseUrl() + "/api/open-data/daily.json");
            assertThat(browser.find("#licence").getText()).contains("Creative Commons Attribution 4.0 International");
        }
    }

    @Test
    void theFiguresOnThePageAreThoseOfTheOpenData() {
        Api.Response summary = Api.expect(coordinator.api().get("/api/open-data/summary", null), 200);
        try (Browser browser = Browser.open(Browser.Screen.DESKTOP, "fr-FR")) {
            browser.get(coordinator.baseUrl() + "/");
            browser.visible("#totals [data-total=open]");

            for (String total : new String[] {"requested", "produced", "shipped", "approved", "rejected", "open"}) {
                String shown = browser.find("#totals [data-total=" + total + "] .value").getText().replaceAll("\\D", "");
                assertThat(shown).as(total).isEqualTo(summary.body().get("totals").get(total).asString());
            }
            assertThat(browser.find("h1").getText()).isEqualTo("Ce que le réseau a fabriqué");
        }
    }

    @Test
    void thePageHasNoSeriousAccessibilityProblemInEitherLanguageOnADesktopOrAPhone() {
        for (Browser.Screen screen : new Browser.Screen[] {Browser.Screen.DESKTOP, Browser.Screen.PHONE}) {
            try (Browser browser = Browser.open(screen, "fr")) {
                browser.get(coordinator.baseUrl() + "/");
                browser.visible("#daily-chart canvas");
                assertThat(browser.accessibilityViolations()).as("%s in French", screen).isEmpty();
                browser.chooseLanguage("en");
                browser.waitUntil(d -> "What the network made".equals(browser.find("h1").getText()));
                assertThat(browser.accessibilityViolations()).as("%s in English", screen).isEmpty();
                assertThat(browser.fitsTheWidth()).as("%s", screen).isTrue();
            }
        }
    }

    @Test
    void theAuditFindsASeriousProblemWhenThereIsOne() {
        try (Browser browser = Browser.open(Browser.Screen.DESKTOP, "en")) {
            browser.get(coordinator.baseUrl() + "/");
            browser.visible("#totals");
            browser.script("const b = document.createElement('button'); document.querySelector('main').append(b);");

            assertThat(browser.accessibilityViolations()).extracting(Browser.Violation::id).contains("button-name");
        }
    }

    @Test
    void theLanguageChosenIsRememberedFromPageToPage() {
        try (Browser browser = Browser.open(Browser.Screen.DESKTOP, "fr")) {
            browser.get(coordinator.baseUrl() + "/");
            browser.visible("#totals");
            browser.chooseLanguage("en");

            browser.get(coordinator.baseUrl() + "/desk");
            browser.visible("#login-form");
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
            assertThat(browser.find("#login-form button").getText()).isEqualTo("Sign in");
            assertThat(Map.of("title", browser.driver().getTitle())).containsEntry("title", "Hospital desk — Fabrique");
        }
    }
}
