package org.fabrique.coordinator.claim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fabrique.coordinator.design.Design;
import org.fabrique.coordinator.geo.Area;
import org.fabrique.coordinator.geo.Areas;
import org.fabrique.coordinator.maker.Maker;
import org.fabrique.designs.Material;
import org.fabrique.coordinator.maker.Printer;
import org.fabrique.coordinator.need.Need;
import org.fabrique.jstl.BoundingBox;
import org.springframework.stereotype.Component;

/**
 * Chooses which needs a printer should serve, best first. A need qualifies when one of its
 * accepted design versions is published, allows a material the printer has loaded, and has every
 * part fit the printer's bed in some axis-aligned orientation. Among those, the score favours:
 * <ul>
 * <li>urgency: the hospital's priority, and how soon the items are needed (halving every week);</li>
 * <li>shortfall: the share of the need nobody has claimed yet;</li>
 * <li>proximity: items printed nearby reach the hospital sooner (halving every 200 km; unknown
 * distances count as 200 km).</li>
 * </ul>
 */
@Component
class Allocator {

    private static final double DISTANCE_SCALE_KM = 200;
    private static final double URGENCY_HALF_LIFE_DAYS = 7;

    private final Clock clock;

    Allocator(Clock clock) {
        this.clock = clock;
    }

    List<Candidate> rank(Maker maker, Printer printer, List<Need> needs, Map<String, List<Design>> publishedBySlug) {
        Area makerArea = Areas.byCode(maker.area()).orElse(null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return needs.stream()
                .flatMap(need -> candidate(need, printer, publishedBySlug.getOrDefault(need.designSlug(), List.of()),
                        makerArea, today).stream())
                .sorted(Comparator.comparingDouble(Candidate::score).reversed())
                .toList();
    }

    private Optional<Candidate> candidate(Need need, Printer printer, List<Design> published, Area makerArea, LocalDate today) {
        for (Design design : published) {
            if (!need.accepts(design.version())) {
                continue;
            }
            Optional<Material> material = materialFor(design, printer, need.materialsFor(design.version()));
            if (material.isPresent() && fits(design, printer)) {
                return Optional.of(new Candidate(need, design, material.get(), score(need, makerArea, today)));
            }
        }
        return Optional.empty();
    }

    /** The first of the design's materials (its preferred order) that the printer has and the hospital accepts. */
    static Optional<Material> materialFor(Design design, Printer printer, List<Material> acceptedByHospital) {
        return design.materials().stream()
                .filter(printer.materials()::contains)
                .filter(m -> acceptedByHospital.isEmpty() || acceptedByHospital.contains(m))
                .findFirst();
    }

    static boolean fits(Design design, Printer printer) {
        return design.parts().stream().allMatch(part -> new BoundingBox(part.bboxMin()[0], part.bboxMin()[1],
                part.bboxMin()[2], part.bboxMax()[0], part.bboxMax()[1], part.bboxMax()[2])
                .fitsWithin(printer.bed().x(), printer.bed().y(), printer.bed().z()));
    }

    double score(Need need, Area makerArea, LocalDate today) {
        long days = Math.max(0, ChronoUnit.DAYS.between(today, need.neededBy()));
        double urgency = need.priority().weight() * Math.pow(0.5, days / URGENCY_HALF_LIFE_DAYS);
        double shortfall = need.quantity() == 0 ? 0 : (double) need.open() / need.quantity();
        Double km = makerArea == null ? null
                : Areas.byCode(need.hospitalArea()).map(makerArea::distanceKmTo).orElse(null);
        double proximity = Math.pow(0.5, (km == null ? DISTANCE_SCALE_KM : km) / DISTANCE_SCALE_KM);
        return urgency * (0.5 + shortfall) * (0.5 + proximity);
    }
}
