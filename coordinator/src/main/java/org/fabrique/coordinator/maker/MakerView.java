package org.fabrique.coordinator.maker;

import java.time.Instant;
import java.util.List;

/** A maker as its owner and coordinators see it. */
public record MakerView(
        String makerId,
        String pseudonym,
        String country,
        String postcode,
        String area,
        TrustLevel trustLevel,
        int batchCap,
        double approvalRate,
        Maker.TrackRecord record,
        List<Printer> printers,
        Instant createdAt,
        Instant lastSeenAt) {

    static MakerView of(Maker maker, TrustPolicy trust) {
        Maker.TrackRecord record = maker.trackRecord();
        return new MakerView(maker.id(), maker.pseudonym(), maker.country(), maker.postcode(), maker.area(),
                maker.trustLevel(), trust.batchCap(maker.trustLevel(), record), TrustPolicy.approvalRate(record),
                record, maker.printers() == null ? List.of() : maker.printers(), maker.createdAt(), maker.lastSeenAt());
    }
}
