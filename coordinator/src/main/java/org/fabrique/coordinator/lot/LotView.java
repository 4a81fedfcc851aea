package org.fabrique.coordinator.lot;

import java.time.Instant;
import java.util.List;

import org.fabrique.coordinator.design.Design;

/** A lot as the API shows it: with what the agent needs to print it (parts, checksums, estimates). */
public record LotView(
        String id,
        String lotNumber,
        LotState state,
        int quantity,
        int printed,
        int failed,
        String needId,
        Hospital hospital,
        DesignRef design,
        String material,
        String printerId,
        String makerId,
        String makerArea,
        List<PartRef> parts,
        Double estimatedMinutesPerItem,
        Instant leaseExpiresAt,
        Double percent,
        Lot.Shipment shipment,
        Lot.Decision decision,
        Instant createdAt,
        Instant updatedAt,
        List<Lot.Transition> history) {

    public record Hospital(String id, String name, String area) {
    }

    public record DesignRef(String slug, String version) {
    }

    public record PartRef(String name, String file, String sha256, long bytes, int countPerItem, String url) {
    }

    public static LotView of(Lot lot, Design design) {
        List<PartRef> parts = design == null || design.parts() == null ? List.of() : design.parts().stream()
                .map(p -> new PartRef(p.name(), p.file(), p.sha256(), p.bytes(), p.countPerItem(),
                        "/api/designs/" + design.slug() + "/" + design.version() + "/parts/" + p.file()))
                .toList();
        Double minutes = design == null || design.estimates() == null ? null : design.estimates().printMinutesPerItem();
        return new LotView(lot.id(), lot.lotNumber(), lot.state(), lot.quantity(), lot.printed(), lot.failed(),
                lot.needId(), new Hospital(lot.hospitalId(), lot.hospitalName(), lot.hospitalArea()),
                new DesignRef(lot.designSlug(), lot.designVersion()), lot.material(), lot.printerId(), lot.makerId(),
                lot.makerArea(), parts, minutes, lot.leaseExpiresAt(), lot.percent(), lot.shipment(), lot.decision(),
                lot.createdAt(), lot.updatedAt(), lot.history() == null ? List.of() : lot.history());
    }
}
