package org.fabrique.coordinator.opendata;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The open data's licence and freshness ({@code fabrique.open-data.*}). The figures are
 * aggregates; their licence is stated in every JSON export, in the summary and in a
 * {@code Link: <url>; rel="license"} header on every export.
 *
 * @param cacheTtl how long an instance serves the figures it computed (exports are public and may be fetched often)
 */
@ConfigurationProperties("fabrique.open-data")
public record OpenDataProperties(
        @DefaultValue("CC-BY-4.0") String licence,
        @DefaultValue("Creative Commons Attribution 4.0 International") String licenceName,
        @DefaultValue("https://creativecommons.org/licenses/by/4.0/") String licenceUrl,
        @DefaultValue("Fabrique network") String attribution,
        @DefaultValue("60s") Duration cacheTtl) {
}
