package org.fabrique.coordinator.maker;

import org.fabrique.coordinator.system.FabriqueProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many items one lot of a maker may hold. Two limits combine:
 * <ul>
 * <li>experience: a new maker gets {@code newMakerBatchCap} items, and the cap doubles with each
 * approved lot, so one good lot does not open the floodgates;</li>
 * <li>quality: the approval rate of its lots under a Beta(4, 1) prior (a new maker counts as 4
 * approved and 1 rejected lot, mean 0.8), so one rejection does not condemn anyone and one
 * approval does not make anyone trusted. A rate of 0.5 or less allows a single item; the cap
 * grows linearly to the full batch at 0.95.</li>
 * </ul>
 * Coordinators can lift the limits (TRUSTED) or stop a maker (SUSPENDED).
 */
@Component
public class TrustPolicy {

    static final double PRIOR_APPROVED = 4;
    static final double PRIOR_REJECTED = 1;

    private final int newMakerCap;
    private final int maxBatch;

    @Autowired
    public TrustPolicy(FabriqueProperties properties) {
        this(properties.makers().newMakerBatchCap(), properties.makers().maxBatch());
    }

    TrustPolicy(int newMakerCap, int maxBatch) {
        this.newMakerCap = newMakerCap;
        this.maxBatch = maxBatch;
    }

    public static double approvalRate(Maker.TrackRecord record) {
        return (record.approvedLots() + PRIOR_APPROVED)
                / (record.approvedLots() + record.rejectedLots() + PRIOR_APPROVED + PRIOR_REJECTED);
    }

    public int batchCap(TrustLevel level, Maker.TrackRecord record) {
        return switch (level) {
            case SUSPENDED -> 0;
            case TRUSTED -> maxBatch;
            case NEW, ESTABLISHED -> {
                if (record.approvedLots() == 0) {
                    yield Math.min(newMakerCap, maxBatch);
                }
                long byExperience = (long) newMakerCap << Math.min(record.approvedLots(), 20);
                double quality = Math.max(0, Math.min(1, (approvalRate(record) - 0.5) / 0.45));
                long byQuality = Math.max(1, (long) Math.floor(maxBatch * quality));
                yield (int) Math.min(maxBatch, Math.min(byExperience, byQuality));
            }
        };
    }
}
