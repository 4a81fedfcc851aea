package org.fabrique.coordinator.label;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.design.Design;
import org.fabrique.coordinator.design.Designs;
import org.fabrique.coordinator.lot.Lot;
import org.fabrique.coordinator.lot.LotState;
import org.fabrique.coordinator.lot.Lots;
import org.fabrique.coordinator.maker.Maker;
import org.fabrique.coordinator.maker.Makers;
import org.fabrique.coordinator.need.Need;
import org.fabrique.coordinator.need.Needs;
import org.fabrique.coordinator.system.FabriqueProperties;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Lot labels: what a label says, gathered for a viewer who may see the lot, and the label drawn. */
@Service
public class Labels {

    /** A lot has a label once it has been printed: before that there is nothing to put in a bag. */
    private static final Set<LotState> LABELLED = EnumSet.of(LotState.PRINTED, LotState.SHIPPED, LotState.RECEIVED,
            LotState.APPROVED, LotState.REJECTED);

    public enum Format {
        PDF, PNG
    }

    /** A label drawn, with what it says. */
    public record Label(LabelContent content, byte[] bytes) {
    }

    private final Lots lots;
    private final Designs designs;
    private final Makers makers;
    private final Needs needs;
    private final LabelRenderer renderer;
    private final String publicUrl;

    public Labels(Lots lots, Designs designs, Makers makers, Needs needs, LabelRenderer renderer,
            FabriqueProperties properties) {
        this.lots = lots;
        this.designs = designs;
        this.makers = makers;
        this.needs = needs;
        this.renderer = renderer;
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
    }

    /** The lot (by id or lot number), its label's content and the label drawn, off the event loop. */
    public Mono<Label> label(String idOrNumber, Actor viewer, Format format, LabelSize size, LabelLanguage language) {
        return content(idOrNumber, viewer).flatMap(content -> Mono.fromCallable(() -> new Label(content,
                        format == Format.PDF ? renderer.pdf(content, size, language) : renderer.png(content, size, language)))
                .subscribeOn(Schedulers.boundedElastic()));
    }

    /** What the label of a lot says; 409 {@code label-not-ready} before the lot is printed. */
    public Mono<LabelContent> content(String idOrNumber, Actor viewer) {
        return lots.find(idOrNumber, viewer).flatMap(lot -> {
            if (!LABELLED.contains(lot.state())) {
                return Mono.error(new ApiException(ProblemType.LABEL_NOT_READY, "Lot " + lot.lotNumber() + " is "
                        + lot.state() + "; it gets a label once it has been reported printed",
                        Map.of("state", lot.state().name())));
            }
            return Mono.zip(designs.findCached(lot.designSlug(), lot.designVersion()), makers.find(lot.makerId()),
                            needs.find(lot.needId()))
                    .map(found -> content(lot, found.getT1(), found.getT2(), found.getT3()));
        });
    }

    private LabelContent content(Lot lot, Design design, Maker maker, Need need) {
        LocalDate printedOn = lot.history().stream()
                .filter(transition -> transition.to() == LotState.PRINTED)
                .map(transition -> transition.at().atZone(ZoneOffset.UTC).toLocalDate())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Lot " + lot.lotNumber() + " is " + lot.state()
                        + " but its history has no PRINTED transition"));
        return new LabelContent(lot.lotNumber(), publicUrl + "/lots/" + lot.lotNumber(), lot.designSlug(),
                lot.designVersion(), design.title(), lot.printed(), lot.material(), maker.pseudonym(), printedOn,
                lot.hospitalName(), need.deliveryPoint() == null ? null : need.deliveryPoint().name(),
                design.medicalDisclaimer());
    }
}
