package org.fabrique.coordinator.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fabrique.coordinator.design.Design;
import org.fabrique.coordinator.design.Designs;
import org.fabrique.coordinator.event.EventLog;
import org.fabrique.coordinator.hospital.Hospital;
import org.fabrique.coordinator.hospital.Hospitals;
import org.fabrique.coordinator.lot.Lot;
import org.fabrique.coordinator.lot.LotState;
import org.fabrique.coordinator.maker.Maker;
import org.fabrique.coordinator.maker.TrustLevel;
import org.fabrique.coordinator.maker.TrustPolicy;
import org.fabrique.coordinator.system.FabriqueProperties;
import org.fabrique.designs.DesignManifest.LocalizedText;
import org.fabrique.designs.DesignStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinators' picture of the network, computed from the shared store and kept for
 * {@code fabrique.dashboard.cache-ttl} on each instance: however many pages watch, and however
 * many events arrive, an instance recomputes at most once per period. A snapshot says up to which
 * event it is complete ({@code asOfSeq}), so a page that has seen a later event asks again.
 */
@Service
public class Dashboard {

    static final int THROUGHPUT_HOURS = 24;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:00'Z'").withZone(ZoneOffset.UTC);
    private static final Set<LotState> ACTIVE = Set.of(LotState.CLAIMED, LotState.PRINTING, LotState.PRINTED,
            LotState.SHIPPED, LotState.RECEIVED);

    public record Snapshot(
            long asOfSeq,
            Instant computedAt,
            long maxAgeMillis,
            Progress totals,
            List<Stage> funnel,
            Map<LotState, Long> lots,
            List<DesignRow> designs,
            List<HospitalRow> hospitals,
            Throughput throughput,
            List<LotAlert> lapsing,
            List<LotAlert> stuck,
            List<MakerRow> makers) {
    }

    /** One step from need to approval, in items since the beginning. */
    public record Stage(String stage, long items) {
    }

    public record DesignRow(String design, LocalizedText title, Progress progress) {
    }

    public record HospitalRow(String hospitalId, String name, String area, Progress progress) {
    }

    /** Items per hour over the last day, oldest hour first: {@code items.get("printed").get(i)} in {@code hours.get(i)}. */
    public record Throughput(List<String> hours, Map<String, List<Long>> items) {
    }

    /**
     * A lot that needs a coordinator's eye. {@code reason}: {@code lease-lapsing} (its agent missed
     * heartbeats), {@code not-shipped}, {@code not-received}, {@code not-inspected}.
     */
    public record LotAlert(String lotId, String lotNumber, LotState state, String reason, String design, int quantity,
            String hospital, String makerId, String maker, String makerArea, Instant since, Instant leaseExpiresAt,
            Double percent) {
    }

    /** A maker's quality record, under its pseudonym. */
    public record MakerRow(String makerId, String pseudonym, String area, TrustLevel trustLevel, Maker.TrackRecord record,
            double approvalRate, long activeLots, long expiredLots, long releasedLots, Instant lastSeenAt) {
    }

    private final Figures figures;
    private final ReactiveMongoTemplate mongo;
    private final EventLog events;
    private final Hospitals hospitals;
    private final Designs designs;
    private final Clock clock;
    private final DashboardProperties settings;
    private final Duration lease;
    private final Duration heartbeat;
    private final Mono<Snapshot> cached;

    public Dashboard(Figures figures, ReactiveMongoTemplate mongo, EventLog events, Hospitals hospitals, Designs designs,
            Clock clock, DashboardProperties settings, FabriqueProperties properties) {
        this.figures = figures;
        this.mongo = mongo;
        this.events = events;
        this.hospitals = hospitals;
        this.designs = designs;
        this.clock = clock;
        this.settings = settings;
        this.lease = properties.lots().lease();
        this.heartbeat = properties.lots().heartbeat();
        this.cached = Mono.defer(this::compute).cache(snapshot -> settings.cacheTtl(), error -> Duration.ZERO,
                () -> Duration.ZERO);
    }

    /** The latest snapshot this instance computed, or a new one when it is older than the cache period. */
    public Mono<Snapshot> snapshot() {
        return cached;
    }

    Mono<Snapshot> compute() {
        Instant now = clock.instant();
        Instant since = now.truncatedTo(ChronoUnit.HOURS).minus(THROUGHPUT_HOURS - 1, ChronoUnit.HOURS);
        // The sequence is read first: every event up to it was appended after its change was written.
        return events.lastSeq().flatMap(seq -> Mono.zip(
                        figures.lotsBy("designSlug", "hospitalId").collectList(),
                        figures.needsBy("designSlug", "hospitalId").collectList(),
                        figures.lotsBy("makerId").collectList(),
                        figures.transitions(since, Figures.Bucket.HOUR, LotState.PRINTED, LotState.SHIPPED,
                                LotState.APPROVED, LotState.REJECTED).collectList(),
                        alerts(now).collectList(),
                        hospitals.all().collectMap(Hospital::id),
                        titles())
                .flatMap(t -> {
                    List<MakerTally> tallies = makerTallies(t.getT3());
                    Set<String> makerIds = new HashSet<>();
                    tallies.forEach(tally -> makerIds.add(tally.makerId));
                    t.getT5().forEach(lot -> makerIds.add(lot.makerId()));
                    Progress total = total(t.getT1(), t.getT2());
                    return makers(makerIds).map(makers -> new Snapshot(seq, now, settings.cacheTtl().toMillis(),
                            total, funnel(total), lotsByState(t.getT1()),
                            designRows(t.getT1(), t.getT2(), t.getT7()), hospitalRows(t.getT1(), t.getT2(), t.getT6()),
                            throughput(since, t.getT4()), lapsing(t.getT5(), makers), stuck(t.getT5(), makers),
                            makerRows(tallies, makers)));
                }));
    }

    private static Progress total(List<Figures.LotGroup> lots, List<Figures.NeedGroup> needs) {
        Progress.Builder total = new Progress.Builder();
        lots.forEach(total::add);
        needs.forEach(total::add);
        return total.build();
    }

    private static List<Stage> funnel(Progress total) {
        return List.of(new Stage("requested", total.requested()), new Stage("allocated", total.allocated()),
                new Stage("produced", total.produced()), new Stage("delivered", total.delivered()),
                new Stage("approved", total.approved()));
    }

    private static Map<LotState, Long> lotsByState(List<Figures.LotGroup> lots) {
        Map<LotState, Long> counts = new EnumMap<>(LotState.class);
        for (LotState state : LotState.values()) {
            counts.put(state, 0L);
        }
        lots.forEach(group -> counts.merge(group.state(), group.lots(), Long::sum));
        return counts;
    }

    private static List<DesignRow> designRows(List<Figures.LotGroup> lots, List<Figures.NeedGroup> needs,
            Map<String, LocalizedText> titles) {
        Map<String, Progress> progress = progressBy("designSlug", lots, needs);
        return progress.entrySet().stream()
                .map(e -> new DesignRow(e.getKey(), titles.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong((DesignRow row) -> row.progress().requested()).reversed()
                        .thenComparing(DesignRow::design))
                .toList();
    }

    private static List<HospitalRow> hospitalRows(List<Figures.LotGroup> lots, List<Figures.NeedGroup> needs,
            Map<String, Hospital> hospitals) {
        Map<String, Progress> progress = progressBy("hospitalId", lots, needs);
        return progress.entrySet().stream()
                .map(e -> {
                    Hospital hospital = hospitals.get(e.getKey());
                    return new HospitalRow(e.getKey(), hospital == null ? e.getKey() : hospital.name(),
                            hospital == null ? null : hospital.area(), e.getValue());
                })
                .sorted(Comparator.comparingLong((HospitalRow row) -> row.progress().open()).reversed()
                        .thenComparing(HospitalRow::name))
                .toList();
    }

    private static Map<String, Progress> progressBy(String field, List<Figures.LotGroup> lots,
            List<Figures.NeedGroup> needs) {
        Map<String, Progress.Builder> builders = new LinkedHashMap<>();
        Function<String, Progress.Builder> builder = key -> builders.computeIfAbsent(key, k -> new Progress.Builder());
        needs.stream().filter(group -> group.get(field) != null).forEach(group -> builder.apply(group.get(field)).add(group));
        lots.stream().filter(group -> group.get(field) != null).forEach(group -> builder.apply(group.get(field)).add(group));
        Map<String, Progress> progress = new LinkedHashMap<>();
        builders.forEach((key, b) -> progress.put(key, b.build()));
        return progress;
    }

    private static Throughput throughput(Instant since, List<Figures.Transitions> transitions) {
        List<String> hours = new ArrayList<>();
        for (int i = 0; i < THROUGHPUT_HOURS; i++) {
            hours.add(HOUR.format(since.plus(i, ChronoUnit.HOURS)));
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < hours.size(); i++) {
            index.put(hours.get(i), i);
        }
        Map<String, List<Long>> items = new LinkedHashMap<>();
        Map<LotState, String> series = Map.of(LotState.PRINTED, "printed", LotState.SHIPPED, "shipped",
                LotState.APPROVED, "approved", LotState.REJECTED, "rejected");
        for (String name : List.of("printed", "shipped", "approved", "rejected")) {
            items.put(name, new ArrayList<>(Collections.nCopies(THROUGHPUT_HOURS, 0L)));
        }
        for (Figures.Transitions t : transitions) {
            Integer i = index.get(t.bucket());
            String name = series.get(t.to());
            if (i != null && name != null) {
                items.get(name).set(i, items.get(name).get(i) + t.items());
            }
        }
        return new Throughput(hours, items);
    }

    /** Leased lots whose agent went quiet, and lots that sit too long in one state. */
    private Flux<Lot> alerts(Instant now) {
        Instant quietSince = now.plus(lease).minus(heartbeat.multipliedBy(settings.missedHeartbeats()));
        Criteria lapsing = Criteria.where("state").in(LotState.CLAIMED, LotState.PRINTING).and("leaseExpiresAt").lt(quietSince);
        Criteria stuck = new Criteria().orOperator(
                Criteria.where("state").is(LotState.PRINTED).and("updatedAt").lt(now.minus(settings.notShippedAfter())),
                Criteria.where("state").is(LotState.SHIPPED).and("updatedAt").lt(now.minus(settings.notReceivedAfter())),
                Criteria.where("state").is(LotState.RECEIVED).and("updatedAt").lt(now.minus(settings.notInspectedAfter())));
        return Flux.concat(
                mongo.find(Query.query(lapsing).with(Sort.by("leaseExpiresAt")).limit(settings.listLimit()), Lot.class),
                mongo.find(Query.query(stuck).with(Sort.by("updatedAt")).limit(settings.listLimit()), Lot.class));
    }

    private static List<LotAlert> lapsing(List<Lot> alerts, Map<String, Maker> makers) {
        return alerts.stream().filter(lot -> lot.state().isLeased())
                .map(lot -> alert(lot, "lease-lapsing", makers)).toList();
    }

    private static List<LotAlert> stuck(List<Lot> alerts, Map<String, Maker> makers) {
        return alerts.stream().filter(lot -> !lot.state().isLeased())
                .map(lot -> alert(lot, switch (lot.state()) {
                    case PRINTED -> "not-shipped";
                    case SHIPPED -> "not-received";
                    default -> "not-inspected";
                }, makers)).toList();
    }

    private static LotAlert alert(Lot lot, String reason, Map<String, Maker> makers) {
        Maker maker = makers.get(lot.makerId());
        return new LotAlert(lot.id(), lot.lotNumber(), lot.state(), reason, lot.designSlug() + "@" + lot.designVersion(),
                lot.outstanding(), lot.hospitalName(), lot.makerId(), maker == null ? null : maker.pseudonym(),
                lot.makerArea(), lot.updatedAt(), lot.leaseExpiresAt(), lot.percent());
    }

    /** A maker's lots by state, from the lot groups by maker. */
    private record MakerTally(String makerId, long active, long expired, long released, long decided, long rejected) {

        long attention() {
            return rejected + expired;
        }

        long lots() {
            return active + expired + released + decided;
        }
    }

    /** The makers to show: those with rejected or expired lots first, then the busiest. */
    private List<MakerTally> makerTallies(List<Figures.LotGroup> byMaker) {
        Map<String, List<Figures.LotGroup>> groups = byMaker.stream().filter(g -> g.get("makerId") != null)
                .collect(Collectors.groupingBy(g -> g.get("makerId")));
        return groups.entrySet().stream().map(e -> {
                    long active = 0, expired = 0, released = 0, decided = 0, rejected = 0;
                    for (Figures.LotGroup g : e.getValue()) {
                        if (ACTIVE.contains(g.state())) {
                            active += g.lots();
                        }
                        switch (g.state()) {
                            case EXPIRED -> expired += g.lots();
                            case RELEASED -> released += g.lots();
                            case APPROVED -> decided += g.lots();
                            case REJECTED -> {
                                decided += g.lots();
                                rejected += g.lots();
                            }
                            default -> {
                            }
                        }
                    }
                    return new MakerTally(e.getKey(), active, expired, released, decided, rejected);
                })
                .sorted(Comparator.comparingLong(MakerTally::attention).reversed()
                        .thenComparing(Comparator.comparingLong(MakerTally::lots).reversed())
                        .thenComparing(MakerTally::makerId))
                .limit(settings.listLimit())
                .toList();
    }

    private static List<MakerRow> makerRows(List<MakerTally> tallies, Map<String, Maker> makers) {
        return tallies.stream().filter(tally -> makers.containsKey(tally.makerId)).map(tally -> {
            Maker maker = makers.get(tally.makerId);
            Maker.TrackRecord record = maker.trackRecord();
            return new MakerRow(maker.id(), maker.pseudonym(), maker.area(), maker.trustLevel(), record,
                    TrustPolicy.approvalRate(record), tally.active, tally.expired, tally.released, maker.lastSeenAt());
        }).toList();
    }

    private Mono<Map<String, Maker>> makers(Set<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Maker.class).collectMap(Maker::id);
    }

    private Mono<Map<String, LocalizedText>> titles() {
        return designs.withStatus(DesignStatus.PUBLISHED)
                .sort(Comparator.comparing(Design::version, Designs.NEWEST_FIRST))
                .collect(LinkedHashMap::new, (titles, design) -> titles.putIfAbsent(design.slug(), design.title()));
    }
}
