package org.fabrique.coordinator.inspection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * ISO 2859-1 sampling plans for lot-by-lot inspection: single sampling, normal inspection, general
 * inspection level II. The standard's two tables are encoded once, below, as they are printed:
 * Table 1 gives the lot size's code letter, Table 2-A the plan for a code letter and an AQL.
 *
 * <p>Where Table 2-A has an arrow instead of a plan, the reader follows it to the first plan
 * below (↓) or above (↑) in the same AQL column, and takes that row's sample size with it.
 */
public final class SamplingPlans {

    /** The AQL used when a design does not set one. */
    public static final double DEFAULT_AQL = 2.5;

    /** Table 1, general inspection level II: the largest lot size of each code letter (Q has no upper bound). */
    private static final int[] LOT_SIZE_UPPER_BOUNDS = {8, 15, 25, 50, 90, 150, 280, 500, 1_200, 3_200, 10_000, 35_000,
            150_000, 500_000};
    private static final String LOT_SIZE_LETTERS = "ABCDEFGHJKLMNPQ";

    /**
     * Table 2-A, single sampling plans for normal inspection (master table): code letter, sample
     * size, then Ac/Re for each AQL. AQLs up to 10 are in percent nonconforming; above 10, in
     * nonconformities per 100 items. At the table's two corners (A at 10, R at 0.015) the arrow
     * points the only way that leads to a plan.
     */
    private static final String TABLE_2A = """
                    | 0.010 0.015 0.025 0.040 0.065  0.10  0.15  0.25  0.40  0.65   1.0   1.5   2.5   4.0   6.5    10    15    25    40    65   100   150   250   400   650  1000
            A     2 |     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↓     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31
            B     3 |     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45
            C     5 |     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45     ↑
            D     8 |     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45     ↑     ↑
            E    13 |     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22 30/31 44/45     ↑     ↑     ↑
            F    20 |     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑
            G    32 |     ↓     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑
            H    50 |     ↓     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
            J    80 |     ↓     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
            K   125 |     ↓     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
            L   200 |     ↓     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
            M   315 |     ↓     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
            N   500 |     ↓     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
            P   800 |     ↓   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
            Q  1250 |   0/1     ↑     ↓   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
            R  2000 |     ↑     ↑   1/2   2/3   3/4   5/6   7/8 10/11 14/15 21/22     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑     ↑
            """;

    /** One plan of Table 2-A: the code letter of its row, that row's sample size, and its numbers. */
    record Plan(String codeLetter, int sampleSize, int acceptNumber, int rejectNumber) {
    }

    private static final List<String> LETTERS = new ArrayList<>();
    private static final List<Integer> SAMPLE_SIZES = new ArrayList<>();
    private static final List<BigDecimal> AQLS = new ArrayList<>();
    private static final Plan[][] PLANS;

    static {
        List<String> lines = TABLE_2A.lines().filter(line -> !line.isBlank()).toList();
        for (String aql : lines.get(0).substring(lines.get(0).indexOf('|') + 1).trim().split("\\s+")) {
            AQLS.add(new BigDecimal(aql));
        }
        List<String[]> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] head = line.substring(0, line.indexOf('|')).trim().split("\\s+");
            LETTERS.add(head[0]);
            SAMPLE_SIZES.add(Integer.parseInt(head[1]));
            String[] row = line.substring(line.indexOf('|') + 1).trim().split("\\s+");
            if (row.length != AQLS.size()) {
                throw new IllegalStateException("Table 2-A row " + head[0] + " has " + row.length + " cells");
            }
            cells.add(row);
        }
        PLANS = new Plan[cells.size()][AQLS.size()];
        for (int row = 0; row < cells.size(); row++) {
            for (int column = 0; column < AQLS.size(); column++) {
                PLANS[row][column] = follow(cells, row, column);
            }
        }
    }

    private SamplingPlans() {
    }

    /**
     * The plan for a lot of {@code lotSize} items at the given AQL.
     *
     * @throws IllegalArgumentException if the lot is empty or the AQL is not one of the standard's series
     */
    public static SamplingPlan forLot(int lotSize, double aql) {
        if (lotSize < 1) {
            throw new IllegalArgumentException("lotSize: must be at least 1, got " + lotSize);
        }
        int column = aqlColumn(aql);
        String codeLetter = codeLetter(lotSize);
        Plan plan = PLANS[LETTERS.indexOf(codeLetter)][column];
        boolean everyItem = plan.sampleSize() >= lotSize;
        return new SamplingPlan(lotSize, aql, codeLetter, plan.codeLetter(), everyItem ? lotSize : plan.sampleSize(),
                plan.acceptNumber(), plan.rejectNumber(), everyItem);
    }

    /** Table 2-A for a code letter (A to R) and an AQL, arrows followed. */
    static Plan plan(String codeLetter, double aql) {
        int row = LETTERS.indexOf(codeLetter);
        if (row < 0) {
            throw new IllegalArgumentException("codeLetter: " + codeLetter + " is not a row of Table 2-A");
        }
        return PLANS[row][aqlColumn(aql)];
    }

    /** The AQLs of the standard's series, in increasing order, as they are written in the tables. */
    public static List<String> aqlSeries() {
        return AQLS.stream().map(BigDecimal::toPlainString).toList();
    }

    /** Table 1 at general inspection level II. A lot of one item takes the first row, like lots of 2 to 8. */
    static String codeLetter(int lotSize) {
        for (int i = 0; i < LOT_SIZE_UPPER_BOUNDS.length; i++) {
            if (lotSize <= LOT_SIZE_UPPER_BOUNDS[i]) {
                return String.valueOf(LOT_SIZE_LETTERS.charAt(i));
            }
        }
        return String.valueOf(LOT_SIZE_LETTERS.charAt(LOT_SIZE_LETTERS.length() - 1));
    }

    private static int aqlColumn(double aql) {
        if (Double.isFinite(aql)) {
            BigDecimal value = BigDecimal.valueOf(aql);
            for (int i = 0; i < AQLS.size(); i++) {
                if (AQLS.get(i).compareTo(value) == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("aql: " + aql + " is not an acceptance quality limit of ISO 2859-1 (one of "
                + String.join(", ", aqlSeries()) + ")");
    }

    private static Plan follow(List<String[]> cells, int startRow, int column) {
        int row = startRow;
        while (row >= 0 && row < cells.size()) {
            String cell = cells.get(row)[column];
            switch (cell) {
                case "↓" -> row++;
                case "↑" -> row--;
                default -> {
                    String[] numbers = cell.split("/");
                    return new Plan(LETTERS.get(row), SAMPLE_SIZES.get(row), Integer.parseInt(numbers[0]),
                            Integer.parseInt(numbers[1]));
                }
            }
        }
        throw new IllegalStateException("Table 2-A: the arrow at " + LETTERS.get(startRow) + ", AQL " + AQLS.get(column)
                + " leads out of the table");
    }
}
