package org.fabrique.coordinator.metrics;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog of the domain's meters: the name and meaning of each (shown as the Prometheus
 * {@code # HELP} line, wherever in the code the meter is recorded), and the histogram buckets
 * of the claim latency. docs/metrics.md lists them; the alert rules and the Grafana dashboard use them.
 */
@Configuration(proxyBeanMethods = false)
class DomainMeters {

    static final String CLAIMS = "fabrique.claims";
    static final String LOT_TRANSITIONS = "fabrique.lots.transitions";
    static final String LEASE_EXPIRIES = "fabrique.lots.lease.expiries";
    static final String LOTS = "fabrique.lots.in.state";
    static final String NEEDS = "fabrique.needs.in.status";
    static final String ITEMS = "fabrique.items";
    static final String EVENTS_STORED = "fabrique.events.stored.seq";
    static final String EVENTS_DELIVERED = "fabrique.events.delivered.seq";
    static final String COUNTED_AT = "fabrique.figures.counted";

    static final Map<String, String> DESCRIPTIONS = Map.of(
            CLAIMS, "Claims answered by this instance and how long they took, by outcome (granted, no-work, refused)",
            LOT_TRANSITIONS, "Lot state changes made by this instance, by the state reached (APPROVED and REJECTED are the hospitals' decisions)",
            LEASE_EXPIRIES, "Lots this instance expired because their agent stopped sending heartbeats",
            LOTS, "Lots in the store in each state, as last counted (the same on every instance)",
            NEEDS, "Needs in the store in each status, as last counted (the same on every instance)",
            ITEMS, "Items of all needs by stage, as last counted (the same on every instance); see docs/metrics.md for the stages",
            EVENTS_STORED, "Sequence number of the last event appended to the shared event log, as last counted",
            EVENTS_DELIVERED, "Sequence number of the last event this instance delivered to its live pages",
            COUNTED_AT, "Unix time in seconds of the last successful count of the store's figures by this instance");

    /** Claim latency buckets, from an in-memory claim (about a millisecond) to a store in trouble. */
    private static final Duration[] CLAIM_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};

    @Bean
    MeterFilter domainMeterDescriptions() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = DESCRIPTIONS.get(id.getName());
                if (description == null || id.getDescription() != null) {
                    return id;
                }
                return new Meter.Id(id.getName(), Tags.of(id.getTags()), id.getBaseUnit(), description, id.getType());
            }
        };
    }

    @Bean
    MeterFilter claimLatencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!CLAIMS.equals(id.getName())) {
                    return config;
                }
                double[] buckets = new double[CLAIM_BUCKETS.length];
                for (int i = 0; i < buckets.length; i++) {
                    buckets[i] = CLAIM_BUCKETS[i].toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(buckets).build().merge(config);
            }
        };
    }
}
