package org.fabrique.coordinator.lot;

import java.time.Instant;
import java.util.List;

import org.fabrique.coordinator.maker.Printer;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A batch of items of one need, claimed by one maker for one printer, and the physical lot that
 * results: its label carries {@code lotNumber}. {@code history} records every transition with its
 * actor, time and the idempotency key of the request that made it.
 *
 * <p>{@code printer} is the printer as the maker declared it when the lot was claimed, kept for
 * traceability. {@code ledgerPending} holds the version whose effect on the need's counters may not have been
 * applied yet (the lot and the need are two documents); the reconciler finishes it after a crash.
 */
@Document("lots")
public record Lot(
        @Id String id,
        String lotNumber,
        String claimKey,
        String needId,
        String hospitalId,
        String hospitalName,
        String hospitalArea,
        String makerId,
        String makerArea,
        String printerId,
        Printer printer,
        String designSlug,
        String designVersion,
        String material,
        int quantity,
        int printed,
        int failed,
        LotState state,
        long version,
        Instant leaseExpiresAt,
        Double percent,
        Shipment shipment,
        Decision decision,
        Instant createdAt,
        Instant updatedAt,
        List<Transition> history,
        Long ledgerPending,
        boolean makerRecordCounted) {

    public record Transition(LotState from, LotState to, Instant at, String actor, String reason, String requestKey) {
    }

    public record Shipment(String carrier, String tracking, Instant at) {
    }

    public record Decision(LotState decision, String reason, String by, Instant at) {
    }

    /** Items this lot still stands for: what was printed once reported, else what was claimed. */
    public int outstanding() {
        return reported() ? printed : quantity;
    }

    public boolean reported() {
        return printed + failed > 0;
    }

    public boolean hasRequest(String requestKey) {
        return requestKey != null && history != null
                && history.stream().anyMatch(t -> requestKey.equals(t.requestKey()));
    }
}
