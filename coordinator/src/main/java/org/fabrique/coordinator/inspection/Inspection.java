package org.fabrique.coordinator.inspection;

import java.time.Instant;
import java.util.List;

import org.fabrique.coordinator.lot.LotState;
import org.fabrique.designs.DesignManifest.QcItem;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of a lot's inspection at the hospital: the sampling plan used, the design's QC
 * checklist answered for every sampled item, what it found, the decision the plan implies, the
 * decision taken (an override needs a written reason), who and when. One per lot: its id is the
 * lot's.
 *
 * <p>An item is defective when it fails at least one check; a failed critical check rejects the
 * lot whatever the plan's acceptance number (critical defects are not tolerated in a sample).
 */
@Document("inspections")
public record Inspection(
        @Id String lotId,
        String lotNumber,
        String hospitalId,
        String needId,
        String designSlug,
        String designVersion,
        String material,
        String makerId,
        int lotSize,
        double aql,
        SamplingPlan plan,
        List<QcItem> checklist,
        List<Sample> samples,
        int defectives,
        List<String> criticalFailures,
        LotState impliedDecision,
        LotState decision,
        boolean override,
        String reason,
        String inspector,
        Instant at) {

    /** One sampled item and the answer to each check of the checklist. */
    public record Sample(int index, List<Result> results) {

        public boolean defective() {
            return results.stream().anyMatch(result -> !result.pass());
        }
    }

    /** One check of one item; {@code measured} when the check is a measurement. */
    public record Result(String checkId, boolean pass, Double measured, String note) {
    }
}
