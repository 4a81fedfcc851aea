package org.fabrique.coordinator.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The coordinator dashboard's settings ({@code fabrique.dashboard.*}).
 *
 * @param cacheTtl how long one instance reuses the figures it computed, whatever the number of
 *        pages watching; pages that saw a newer event ask again after that
 * @param missedHeartbeats a leased lot is shown as lapsing once its agent missed this many heartbeats
 * @param notShippedAfter a printed lot is stuck when not shipped after this long
 * @param notReceivedAfter a shipped lot is stuck when not received after this long
 * @param notInspectedAfter a received lot is stuck when not decided after this long
 * @param listLimit the most lots and makers each list shows
 */
@ConfigurationProperties("fabrique.dashboard")
public record DashboardProperties(
        @DefaultValue("3s") Duration cacheTtl,
        @DefaultValue("3") int missedHeartbeats,
        @DefaultValue("24h") Duration notShippedAfter,
        @DefaultValue("72h") Duration notReceivedAfter,
        @DefaultValue("48h") Duration notInspectedAfter,
        @DefaultValue("50") int listLimit) {
}
