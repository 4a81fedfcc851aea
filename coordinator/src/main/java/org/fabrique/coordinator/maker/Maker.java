package org.fabrique.coordinator.maker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A maker: pseudonymous, located only by postcode area, with the printers it declared and its
 * track record (lots and items approved or rejected by hospitals).
 */
@Document("makers")
public record Maker(
        @Id String id,
        String pseudonym,
        String country,
        String postcode,
        String area,
        TrustLevel trustLevel,
        List<Printer> printers,
        TrackRecord record,
        Instant createdAt,
        Instant lastSeenAt) {

    public record TrackRecord(int approvedLots, int rejectedLots, int approvedItems, int rejectedItems) {
        public static final TrackRecord EMPTY = new TrackRecord(0, 0, 0, 0);
    }

    public Optional<Printer> printer(String printerId) {
        return printers == null ? Optional.empty()
                : printers.stream().filter(p -> p.printerId().equals(printerId)).findFirst();
    }

    public TrackRecord trackRecord() {
        return record == null ? TrackRecord.EMPTY : record;
    }
}
