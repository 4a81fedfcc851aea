package org.fabrique.coordinator.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.fabrique.coordinator.dashboard.Figures;
import org.fabrique.coordinator.dashboard.Progress;
import org.fabrique.coordinator.event.EventFeed;
import org.fabrique.coordinator.event.EventLog;
import org.fabrique.coordinator.lot.LotState;
import org.fabrique.coordinator.need.NeedStatus;
import org.fabrique.coordinator.system.PeriodicTask;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Gauges of what the store holds: lots per state, needs per status, items per stage. Each
 * instance counts them every {@code fabrique.metrics.refresh-interval} with two aggregations (a
 * scrape only reads the last count), so every instance reports the same network-wide figures;
 * dashboards take the maximum over instances, not the sum.
 */
@Component
public class StoreGauges extends PeriodicTask {

    private final Figures figures;
    private final EventLog events;
    private final Clock clock;
    private final Map<LotState, AtomicLong> lots = new EnumMap<>(LotState.class);
    private final Map<NeedStatus, AtomicLong> needs = new EnumMap<>(NeedStatus.class);
    private final Map<String, AtomicLong> items = new LinkedHashMap<>();
    private final AtomicLong storedSeq = new AtomicLong();
    private final AtomicLong countedAt = new AtomicLong();

    public StoreGauges(Figures figures, EventLog events, EventFeed feed, Clock clock, MeterRegistry registry,
            MetricsProperties properties) {
        super("Counting the store's figures for the metrics", Duration.ZERO, properties.refreshInterval());
        this.figures = figures;
        this.events = events;
        this.clock = clock;
        for (LotState state : LotState.values()) {
            lots.put(state, gauge(registry, DomainMeters.LOTS, "state", state.name()));
        }
        for (NeedStatus status : NeedStatus.values()) {
            needs.put(status, gauge(registry, DomainMeters.NEEDS, "status", status.name()));
        }
        for (String stage : List.of("requested", "open", "withdrawn", "claimed", "printing", "printed", "shipped",
                "received", "approved", "rejected", "returned")) {
            items.put(stage, gauge(registry, DomainMeters.ITEMS, "stage", stage));
        }
        Gauge.builder(DomainMeters.EVENTS_STORED, storedSeq, AtomicLong::get).register(registry);
        Gauge.builder(DomainMeters.EVENTS_DELIVERED, feed, EventFeed::deliveredSeq).register(registry);
        Gauge.builder(DomainMeters.COUNTED_AT, countedAt, AtomicLong::get).baseUnit("seconds").register(registry);
    }

    private static AtomicLong gauge(MeterRegistry registry, String name, String tag, String value) {
        AtomicLong holder = new AtomicLong();
        Gauge.builder(name, holder, AtomicLong::get).tag(tag, value).register(registry);
        return holder;
    }

    /** Counts the store's figures now and updates the gauges. */
    @Override
    public Mono<Void> runOnce() {
        return Mono.zip(figures.lotsBy().collectList(), figures.needsBy().collectList(), events.lastSeq())
                .doOnNext(t -> {
                    Map<LotState, Long> lotCounts = new EnumMap<>(LotState.class);
                    Map<NeedStatus, Long> needCounts = new EnumMap<>(NeedStatus.class);
                    Progress.Builder progress = new Progress.Builder();
                    t.getT1().forEach(group -> {
                        lotCounts.merge(group.state(), group.lots(), Long::sum);
                        progress.add(group);
                    });
                    t.getT2().forEach(group -> {
                        needCounts.merge(group.status(), group.needs(), Long::sum);
                        progress.add(group);
                    });
                    lots.forEach((state, gauge) -> gauge.set(lotCounts.getOrDefault(state, 0L)));
                    needs.forEach((status, gauge) -> gauge.set(needCounts.getOrDefault(status, 0L)));
                    Progress p = progress.build();
                    Map<String, Long> stages = Map.ofEntries(Map.entry("requested", p.requested()),
                            Map.entry("open", p.open()), Map.entry("withdrawn", p.withdrawn()),
                            Map.entry("claimed", p.claimed()), Map.entry("printing", p.printing()),
                            Map.entry("printed", p.printed()), Map.entry("shipped", p.shipped()),
                            Map.entry("received", p.received()), Map.entry("approved", p.approved()),
                            Map.entry("rejected", p.rejected()), Map.entry("returned", p.returned()));
                    items.forEach((stage, gauge) -> gauge.set(stages.get(stage)));
                    storedSeq.set(t.getT3());
                    countedAt.set(clock.instant().getEpochSecond());
                })
                .then();
    }
}
