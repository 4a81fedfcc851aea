package org.fabrique.coordinator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fabrique.coordinator.dashboard.NetworkScenario;
import org.fabrique.coordinator.lot.LeaseReaper;
import org.fabrique.coordinator.support.Api;
import org.fabrique.coordinator.support.MutableClock;
import org.fabrique.coordinator.support.TestCoordinator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Prometheus alert rules and the Grafana dashboard ask only for meters the coordinator
 * exposes (a renamed meter would otherwise leave an alert silent and a panel empty), and
 * Prometheus accepts its configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringFilesTest {

    private static final Path DEPLOY = Path.of("..", "deploy", "prometheus");
    private static final Path DASHBOARD = Path.of("..", "docs", "grafana-dashboard.json");
    private static final Pattern FABRIQUE_METRIC = Pattern.compile("\\bfabrique_[a-z_]+\\b");

    private final MutableClock clock = MutableClock.startingNow();
    private TestCoordinator coordinator;
    private String exposition;

    @BeforeAll
    void runTheNetworkUntilALeaseLapses() {
        coordinator = TestCoordinator.builder().embeddedMemory().clock(clock).start();
        NetworkScenario.on(coordinator);
        clock.advance(Duration.ofMinutes(11));
        assertThat(coordinator.bean(LeaseReaper.class).runOnce().block().expired()).isEqualTo(1);
        exposition = Api.expect(coordinator.api().get("/actuator/prometheus", null), 200).raw();
    }

    @AfterAll
    void stop() {
        coordinator.close();
    }

    @Test
    void theAlertRulesUseOnlyExposedMeters() throws Exception {
        assertThat(namesIn(Files.readString(DEPLOY.resolve("rules.yml")))).isNotEmpty().allSatisfy(this::isExposed);
    }

    @Test
    void theGrafanaDashboardUsesOnlyExposedMeters() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        StringBuilder queries = new StringBuilder();
        dashboard.get("panels").forEach(panel -> {
            if (panel.has("targets")) {
                panel.get("targets").forEach(target -> queries.append(target.get("expr").asString()).append('\n'));
            }
        });
        assertThat(dashboard.get("uid").asString()).isEqualTo("fabrique-network");
        assertThat(namesIn(queries.toString())).hasSizeGreaterThan(5).allSatisfy(this::isExposed);
    }

    @Test
    void prometheusAcceptsTheConfigurationAndTheRules() throws Exception {
        Optional<Path> promtool = DomainMetricsTest.promtool();
        assumeTrue(promtool.isPresent(), "promtool is not installed (Debian package prometheus, or PROMTOOL=path)");
        Process check = new ProcessBuilder(promtool.get().toString(), "check", "config", "prometheus.yml")
                .directory(DEPLOY.toFile()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS: 1 rule files found", "rules found");
    }

    private void isExposed(String metric) {
        assertThat(exposition).as("the coordinator exposes %s", metric).containsPattern("(?m)^" + metric + "[{ ]");
    }

    private static Set<String> namesIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = FABRIQUE_METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
