package org.fabrique.coordinator.opendata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.fabrique.coordinator.dashboard.Figures;
import org.fabrique.coordinator.dashboard.Progress;
import org.fabrique.coordinator.geo.Area;
import org.fabrique.coordinator.geo.Areas;
import org.fabrique.coordinator.lot.LotState;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The network's figures for everyone: per design, per département, per day. Only aggregates of
 * items leave here: no names, no identifiers of hospitals, makers, accounts or lots, and no place
 * finer than a département (areas come from the store as département codes, and any value that
 * is not an area code is published as {@code unknown}).
 */
@Service
public class OpenData {

    /** An area code as {@link Areas} makes them: a French département, or a country and two postcode characters. */
    private static final Pattern AREA_CODE = Pattern.compile("[A-Z]{2}-[A-Z0-9]{2,3}");
    static final String UNKNOWN = "unknown";

    /** The figures of one design, in items. */
    public record DesignFigures(String design, long requested, long open, long produced, long shipped, long approved,
            long rejected) {
    }

    /**
     * The figures of one département: {@code requested}, {@code approved} and {@code rejected} by
     * hospitals located there, {@code produced} by makers located there.
     */
    public record DepartementFigures(String departement, String name, String region, long requested, long approved,
            long rejected, long produced) {
    }

    /** What happened on one day (UTC) for one design. */
    public record DailyFigures(String date, String design, long requested, long produced, long shipped, long approved,
            long rejected) {
    }

    public record Totals(long requested, long open, long produced, long shipped, long approved, long rejected) {
    }

    public record Dataset(Instant generatedAt, Totals totals, List<DesignFigures> designs,
            List<DepartementFigures> departements, List<DailyFigures> days) {
    }

    private final Figures figures;
    private final Clock clock;
    private final Mono<Dataset> cached;

    public OpenData(Figures figures, Clock clock, OpenDataProperties properties) {
        this.figures = figures;
        this.clock = clock;
        this.cached = Mono.defer(this::compute).cache(dataset -> properties.cacheTtl(), error -> Duration.ZERO,
                () -> Duration.ZERO);
    }

    public Mono<Dataset> dataset() {
        return cached;
    }

    Mono<Dataset> compute() {
        Instant now = clock.instant();
        return Mono.zip(
                        figures.lotsBy("designSlug").collectList(),
                        figures.needsBy("designSlug").collectList(),
                        figures.lotsBy("hospitalArea").collectList(),
                        figures.lotsBy("makerArea").collectList(),
                        figures.needsBy("hospitalArea").collectList(),
                        figures.transitions(Instant.EPOCH, Figures.Bucket.DAY, LotState.PRINTED, LotState.SHIPPED,
                                LotState.APPROVED, LotState.REJECTED).collectList(),
                        figures.needsPosted(Instant.EPOCH, Figures.Bucket.DAY).collectList())
                .map(t -> {
                    Map<String, Progress> byDesign = progressBy("designSlug", t.getT1(), t.getT2(), OpenData::design);
                    Map<String, Progress> byHospitalArea = progressBy("hospitalArea", t.getT3(), t.getT5(), OpenData::area);
                    Map<String, Progress> byMakerArea = progressBy("makerArea", t.getT4(), List.of(), OpenData::area);
                    Progress.Builder all = new Progress.Builder();
                    t.getT1().forEach(all::add);
                    t.getT2().forEach(all::add);
                    Progress total = all.build();
                    return new Dataset(now, new Totals(total.requested(), total.open(), total.produced(),
                            total.delivered(), total.approved(), total.rejected()),
                            designs(byDesign), departements(byHospitalArea, byMakerArea), days(t.getT6(), t.getT7()));
                });
    }

    private static Map<String, Progress> progressBy(String field, List<Figures.LotGroup> lots,
            List<Figures.NeedGroup> needs, UnaryOperator<String> publish) {
        Map<String, Progress.Builder> builders = new TreeMap<>();
        needs.forEach(group -> builders.computeIfAbsent(publish.apply(group.get(field)), k -> new Progress.Builder()).add(group));
        lots.forEach(group -> builders.computeIfAbsent(publish.apply(group.get(field)), k -> new Progress.Builder()).add(group));
        Map<String, Progress> progress = new TreeMap<>();
        builders.forEach((key, builder) -> progress.put(key, builder.build()));
        return progress;
    }

    private static List<DesignFigures> designs(Map<String, Progress> byDesign) {
        return byDesign.entrySet().stream()
                .map(e -> new DesignFigures(e.getKey(), e.getValue().requested(), e.getValue().open(),
                        e.getValue().produced(), e.getValue().delivered(), e.getValue().approved(), e.getValue().rejected()))
                .toList();
    }

    private static List<DepartementFigures> departements(Map<String, Progress> byHospitalArea,
            Map<String, Progress> byMakerArea) {
        TreeMap<String, DepartementFigures> rows = new TreeMap<>();
        Set<String> codes = new TreeSet<>(byHospitalArea.keySet());
        codes.addAll(byMakerArea.keySet());
        for (String code : codes) {
            Progress demand = byHospitalArea.getOrDefault(code, new Progress.Builder().build());
            Progress supply = byMakerArea.getOrDefault(code, new Progress.Builder().build());
            Optional<Area> area = Areas.byCode(code);
            rows.put(code, new DepartementFigures(code, area.map(Area::name).orElse(null),
                    area.map(Area::region).orElse(null), demand.requested(), demand.approved(), demand.rejected(),
                    supply.produced()));
        }
        return List.copyOf(rows.values());
    }

    private static List<DailyFigures> days(List<Figures.Transitions> transitions, List<Figures.Posted> posted) {
        record Day(String date, String design) {
        }
        Map<Day, long[]> days = new TreeMap<>(Comparator.comparing(Day::date).thenComparing(Day::design));
        // Columns: requested, produced, shipped, approved, rejected.
        posted.forEach(p -> days.computeIfAbsent(new Day(p.bucket(), design(p.design())), d -> new long[5])[0] += p.items());
        for (Figures.Transitions t : transitions) {
            int column = switch (t.to()) {
                case PRINTED -> 1;
                case SHIPPED -> 2;
                case APPROVED -> 3;
                case REJECTED -> 4;
                default -> -1;
            };
            if (column > 0) {
                days.computeIfAbsent(new Day(t.bucket(), design(t.design())), d -> new long[5])[column] += t.items();
            }
        }
        return days.entrySet().stream()
                .map(e -> new DailyFigures(e.getKey().date(), e.getKey().design(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3], e.getValue()[4]))
                .toList();
    }

    private static String design(String slug) {
        return slug == null ? UNKNOWN : slug;
    }

    /** The area as published: a known area code, or {@value #UNKNOWN}. */
    static String area(String code) {
        return code != null && AREA_CODE.matcher(code).matches() ? code : UNKNOWN;
    }
}
