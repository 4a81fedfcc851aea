package org.fabrique.coordinator.inspection;

/**
 * What to inspect in one lot and how to decide: ISO 2859-1 single sampling, normal inspection,
 * general inspection level II, from {@link SamplingPlans#forLot}.
 *
 * <p>{@code codeLetter} is the sample size code letter of the lot size (Table 1);
 * {@code planCodeLetter} is the letter of the plan actually used, which differs when Table 2-A
 * sends the reader up or down an arrow; the sample size is that letter's.
 *
 * <p>{@code fullInspection} is set when the plan's sample would reach the lot size: every item is
 * then inspected ({@code sampleSize == lotSize}) and the acceptance and rejection numbers stay
 * those of the plan, so a lot is judged by the same criterion whatever its size.
 *
 * <p>For AQLs up to 10 the numbers count nonconforming items; above 10 the standard expresses the
 * AQL in nonconformities per 100 items, and they count nonconformities.
 */
public record SamplingPlan(
        int lotSize,
        double aql,
        String codeLetter,
        String planCodeLetter,
        int sampleSize,
        int acceptNumber,
        int rejectNumber,
        boolean fullInspection) {

    public enum Decision {
        ACCEPT, REJECT
    }

    /** The decision for a sample in which this many nonconforming items (or nonconformities) were found. */
    public Decision decisionFor(int defectives) {
        if (defectives < 0) {
            throw new IllegalArgumentException("defectives: must not be negative, got " + defectives);
        }
        return defectives <= acceptNumber ? Decision.ACCEPT : Decision.REJECT;
    }
}
