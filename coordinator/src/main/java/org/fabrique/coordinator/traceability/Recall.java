package org.fabrique.coordinator.traceability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.fabrique.coordinator.lot.LotState;
import org.fabrique.designs.Material;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A recall: which lots a coordinator called back, why, and which hospitals were told. The lots
 * are those that left a printer (PRINTED and later, not rejected) and match every criterion given.
 */
@Document("recalls")
public record Recall(
        @Id String id,
        Selection selection,
        String reason,
        String issuedBy,
        Instant issuedAt,
        List<AffectedLot> lots,
        List<String> hospitalIds,
        int items) {

    /** What to recall: any combination, at least one criterion. Dates are print dates (UTC), inclusive. */
    public record Selection(String design, String version, String makerId, Material material, LocalDate printedFrom,
            LocalDate printedTo) {

        public boolean isEmpty() {
            return design == null && version == null && makerId == null && material == null && printedFrom == null
                    && printedTo == null;
        }
    }

    public record AffectedLot(String lotId, String lotNumber, String hospitalId, String hospitalName, LotState state,
            int items, String makerId, String design, String material, Instant printedAt) {
    }

    /** The recall as one hospital sees it: only its own lots. */
    public Recall forHospital(String hospitalId) {
        List<AffectedLot> own = lots.stream().filter(lot -> lot.hospitalId().equals(hospitalId)).toList();
        return new Recall(id, selection, reason, issuedBy, issuedAt, own, List.of(hospitalId),
                own.stream().mapToInt(AffectedLot::items).sum());
    }
}
