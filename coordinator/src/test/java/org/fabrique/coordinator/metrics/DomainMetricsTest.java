package org.fabrique.coordinator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fabrique.coordinator.dashboard.NetworkScenario;
import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The domain's meters as Prometheus scrapes them. The exposition is also checked by Prometheus's
 * own {@code promtool check metrics} when it is installed (Debian package {@code prometheus}; or
 * set {@code PROMTOOL} to its path); without it that test is skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainMetricsTest {

    private TestCoordinator coordinator;
    private NetworkScenario network;
    private String exposition;

    @BeforeAll
    void buildTheNetworkAndScrape() {
        coordinator = TestCoordinator.builder().embeddedMemory().property("fabrique.metrics.refresh-interval", "1h").start();
        network = NetworkScenario.on(coordinator);
        Api api = coordinator.api();
        Api.expect(api.claim(network.makerToken, NetworkScenario.PRINTER, 50, Api.newKey()), 201);
        Api.expect(api.claim(network.makerToken, NetworkScenario.PRINTER, 50, Api.newKey()), 204);
        coordinator.bean(StoreGauges.class).runOnce().block();
        exposition = Api.expect(api.get("/actuator/prometheus", null), 200).raw();
    }

    @AfterAll
    void stop() {
        coordinator.close();
    }

    @Test
    void lotsAreCountedPerStateAcrossTheStore() {
        assertThat(value("fabrique_lots_in_state", "state=\"CLAIMED\"")).isEqualTo(2);
        assertThat(value("fabrique_lots_in_state", "state=\"APPROVED\"")).isEqualTo(1);
        assertThat(value("fabrique_lots_in_state", "state=\"REJECTED\"")).isEqualTo(1);
        assertThat(value("fabrique_lots_in_state", "state=\"RELEASED\"")).isEqualTo(1);
        assertThat(value("fabrique_lots_in_state", "state=\"EXPIRED\"")).isZero();
        assertThat(value("fabrique_needs_in_status", "status=\"OPEN\"")).isEqualTo(1);
    }

    @Test
    void itemsAreCountedPerStageIncludingApprovalsAndRejections() {
        assertThat(value("fabrique_items", "stage=\"requested\"")).isEqualTo(10);
        assertThat(value("fabrique_items", "stage=\"claimed\"")).as("4, then the last 3 open items").isEqualTo(7);
        assertThat(value("fabrique_items", "stage=\"open\"")).isZero();
        assertThat(value("fabrique_items", "stage=\"approved\"")).isEqualTo(3);
        assertThat(value("fabrique_items", "stage=\"rejected\"")).isEqualTo(1);
        assertThat(value("fabrique_items", "stage=\"returned\"")).isEqualTo(1);
    }

    @Test
    void claimsAreTimedByOutcomeWithHistogramBuckets() {
        assertThat(value("fabrique_claims_seconds_count", "outcome=\"granted\"")).isEqualTo(5);
        assertThat(value("fabrique_claims_seconds_count", "outcome=\"no-work\"")).isEqualTo(1);
        assertThat(value("fabrique_claims_seconds_bucket", "outcome=\"granted\",le=\"+Inf\"")).isEqualTo(5);
        assertThat(exposition).contains("fabrique_claims_seconds_bucket{application=\"test\",outcome=\"granted\",le=\"0.1\"}");
    }

    @Test
    void decisionsAndTransitionsAreCountedAsTheyHappen() {
        assertThat(value("fabrique_lots_transitions_total", "to=\"APPROVED\"")).isEqualTo(1);
        assertThat(value("fabrique_lots_transitions_total", "to=\"REJECTED\"")).isEqualTo(1);
        assertThat(value("fabrique_lots_transitions_total", "to=\"RELEASED\"")).isEqualTo(1);
        assertThat(value("fabrique_events_delivered_seq", "")).isPositive();
        assertThat(value("fabrique_events_stored_seq", "")).isPositive();
    }

    @Test
    void everyDomainMeterSaysWhatItMeasures() {
        for (String name : List.of("fabrique_claims_seconds", "fabrique_lots_transitions_total", "fabrique_lots_in_state",
                "fabrique_needs_in_status", "fabrique_items", "fabrique_events_stored_seq", "fabrique_events_delivered_seq")) {
            Matcher help = Pattern.compile("^# HELP " + name + " (.+)$", Pattern.MULTILINE).matcher(exposition);
            assertThat(help.find()).as("HELP line of %s", name).isTrue();
            assertThat(help.group(1)).as(name).hasSizeGreaterThan(20);
        }
    }

    @Test
    void prometheusOwnCheckerAcceptsTheExpositionOfTheDomainMeters() throws Exception {
        Optional<Path> promtool = promtool();
        assumeTrue(promtool.isPresent(), "promtool is not installed (Debian package prometheus, or PROMTOOL=path)");
        Process check = new ProcessBuilder(promtool.get().toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // promtool exits 1 on a parse error and 3 on lint problems; the framework's own meters have
        // some of the latter (no help text, units in names), the domain's must have none.
        assertThat(check.exitValue()).as(output).isIn(0, 3);
        assertThat(output.lines().filter(line -> line.startsWith("fabrique_"))).as(output).isEmpty();
    }

    private double value(String metric, String labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "\\{[^}]*" + Pattern.quote(labels) + "[^}]*\\} (\\S+)$",
                Pattern.MULTILINE);
        Matcher matcher = line.matcher(exposition);
        assertThat(matcher.find()).as("%s{%s} in:%n%s", metric, labels, exposition).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    static Optional<Path> promtool() {
        String configured = System.getenv("PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        try (Stream<String> dirs = Stream.of(path.split(java.io.File.pathSeparator))) {
            return dirs.filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
        }
    }
}
