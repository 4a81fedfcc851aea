package org.fabrique.coordinator.traceability;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.fabrique.coordinator.account.Actor;
import org.fabrique.coordinator.design.Design;
import org.fabrique.coordinator.design.Designs;
import org.fabrique.coordinator.event.Event;
import org.fabrique.coordinator.event.EventLog;
import org.fabrique.coordinator.inspection.Inspection;
import org.fabrique.coordinator.lot.LotView;
import org.fabrique.coordinator.lot.Lots;
import org.fabrique.coordinator.maker.Maker;
import org.fabrique.coordinator.maker.Makers;
import org.fabrique.coordinator.maker.Printer;
import org.fabrique.coordinator.need.Need;
import org.fabrique.coordinator.need.Needs;
import org.fabrique.designs.DesignManifest.LocalizedText;
import org.fabrique.designs.Material;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A lot's whole chain, from the design's files to the inspection, and recalls. */
@RestController
class TraceabilityController {

    record Trace(LotView lot, DesignTrace design, MakerTrace maker, Printer printer, NeedTrace need, Inspection inspection,
            List<Event> events, List<String> recalls) {
    }

    record DesignTrace(String slug, String version, LocalizedText title, String license, String status, List<FileTrace> files) {
    }

    record FileTrace(String file, String sha256, long bytes) {
    }

    record MakerTrace(String makerId, String pseudonym, String area, String trustLevel, Maker.TrackRecord record) {
    }

    record NeedTrace(String id, String hospitalName, String deliveryPoint, String priority, LocalDate neededBy) {
    }

    record SelectionRequest(String design, String version, String makerId, Material material, LocalDate printedFrom,
            LocalDate printedTo) {
        Recall.Selection toSelection() {
            return new Recall.Selection(design, version, makerId, material, printedFrom, printedTo);
        }
    }

    record RecallRequest(@NotNull @Valid SelectionRequest selection, @Size(max = 2000) String reason) {
    }

    private final Lots lots;
    private final Designs designs;
    private final Makers makers;
    private final Needs needs;
    private final EventLog eventLog;
    private final Recalls recalls;
    private final ReactiveMongoTemplate mongo;

    TraceabilityController(Lots lots, Designs designs, Makers makers, Needs needs, EventLog eventLog, Recalls recalls,
            ReactiveMongoTemplate mongo) {
        this.lots = lots;
        this.designs = designs;
        this.makers = makers;
        this.needs = needs;
        this.eventLog = eventLog;
        this.recalls = recalls;
        this.mongo = mongo;
    }

    @GetMapping("/api/lots/{lot}/trace")
    Mono<Trace> trace(@PathVariable String lot, @AuthenticationPrincipal Actor actor) {
        return lots.find(lot, actor).flatMap(found -> Mono.zip(
                        designs.findCached(found.designSlug(), found.designVersion()),
                        makers.find(found.makerId()),
                        needs.find(found.needId()),
                        mongo.findById(found.id(), Inspection.class).map(List::of).defaultIfEmpty(List.of()),
                        eventLog.forLot(found.id()).collectList(),
                        mongo.find(Query.query(Criteria.where("lots.lotId").is(found.id())), Recall.class)
                                .map(Recall::id).collectList())
                .map(t -> new Trace(LotView.of(found, t.getT1()), designTrace(t.getT1()), makerTrace(t.getT2()),
                        found.printer(), needTrace(t.getT3()), t.getT4().isEmpty() ? null : t.getT4().get(0), t.getT5(),
                        t.getT6())));
    }

    @PostMapping("/api/recalls/preview")
    Mono<Recalls.Preview> preview(@Valid @RequestBody SelectionRequest selection, @AuthenticationPrincipal Actor actor) {
        actor.requireCoordinator();
        return recalls.preview(selection.toSelection());
    }

    @PostMapping("/api/recalls")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Recall> issue(@Valid @RequestBody RecallRequest request, @AuthenticationPrincipal Actor actor) {
        return recalls.issue(request.selection().toSelection(), request.reason(), actor);
    }

    @GetMapping("/api/recalls")
    Flux<Recall> list(@AuthenticationPrincipal Actor actor) {
        return recalls.visibleTo(actor);
    }

    @GetMapping("/api/recalls/{id}")
    Mono<Recall> get(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
        return recalls.find(id, actor);
    }

    private static DesignTrace designTrace(Design design) {
        return new DesignTrace(design.slug(), design.version(), design.title(), design.license(), design.status().name(),
                design.parts().stream().map(p -> new FileTrace(p.file(), p.sha256(), p.bytes())).toList());
    }

    private static MakerTrace makerTrace(Maker maker) {
        return new MakerTrace(maker.id(), maker.pseudonym(), maker.area(), maker.trustLevel().name(), maker.trackRecord());
    }

    private static NeedTrace needTrace(Need need) {
        return new NeedTrace(need.id(), need.hospitalName(), need.deliveryPoint() == null ? null : need.deliveryPoint().name(),
                need.priority().name(), need.neededBy());
    }

}
