package org.fabrique.coordinator.maker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrustPolicyTest {

    private final TrustPolicy policy = new TrustPolicy(2, 50);

    private static Maker.TrackRecord lots(int approved, int rejected) {
        return new Maker.TrackRecord(approved, rejected, approved * 4, rejected * 4);
    }

    @Test
    void aNewMakerGetsSmallBatchesUntilItsFirstApprovedLot() {
        assertThat(policy.batchCap(TrustLevel.NEW, Maker.TrackRecord.EMPTY)).isEqualTo(2);
        assertThat(policy.batchCap(TrustLevel.NEW, lots(0, 3))).isEqualTo(2);
    }

    @Test
    void theCapDoublesWithEachApprovedLotButOneApprovalDoesNotOpenTheFloodgates() {
        assertThat(policy.batchCap(TrustLevel.ESTABLISHED, lots(1, 0))).isEqualTo(4);
        assertThat(policy.batchCap(TrustLevel.ESTABLISHED, lots(2, 0))).isEqualTo(8);
        assertThat(policy.batchCap(TrustLevel.ESTABLISHED, lots(3, 0))).isEqualTo(16);
    }

    @Test
    void oneRejectionDoesNotCondemnAMaker() {
        assertThat(TrustPolicy.approvalRate(lots(0, 1))).isCloseTo(4.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(policy.batchCap(TrustLevel.ESTABLISHED, lots(3, 1))).isGreaterThan(2);
    }

    @Test
    void aMakerWhoseLotsAreMostlyRejectedGetsSingleItems() {
        assertThat(policy.batchCap(TrustLevel.ESTABLISHED, lots(2, 10))).isEqualTo(1);
    }

    @Test
    void aLongGoodRecordReachesTheFullBatch() {
        assertThat(policy.batchCap(TrustLevel.ESTABLISHED, lots(100, 0))).isEqualTo(50);
    }

    @Test
    void coordinatorsCanLiftOrStopAMaker() {
        assertThat(policy.batchCap(TrustLevel.TRUSTED, Maker.TrackRecord.EMPTY)).isEqualTo(50);
        assertThat(policy.batchCap(TrustLevel.SUSPENDED, lots(100, 0))).isZero();
    }
}
