package org.fabrique.coordinator.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refreshInterval how often each instance counts lots, needs and items in the store for the
 *        gauges (a scrape reads the last count; it never queries the store itself)
 */
@ConfigurationProperties("fabrique.metrics")
public record MetricsProperties(@DefaultValue("15s") Duration refreshInterval) {
}
