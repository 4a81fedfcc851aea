package org.fabrique.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** Everything a run is told, resolved (token read, automatic need quantity computed). */
record Options(
        URI url,
        String coordinatorToken,
        String runId,
        long seed,
        int hospitals,
        int needsPerHospital,
        int needQuantity,
        int makers,
        int itemsPerClaim,
        int concurrency,
        Duration timeout,
        double replayFraction,
        Duration heartbeatInterval,
        Duration heartbeatDuration,
        Duration cycleDuration,
        double failureRate,
        double rejectRate,
        int prefillLots,
        int prefillSteps,
        Set<String> phases,
        Long coordinatorPid) {

    static final String CLAIM = "claim";
    static final String HEARTBEAT = "heartbeat";
    static final String CYCLE = "cycle";
    static final int MAX_NEED_QUANTITY = 100_000;
    /** Rounds of claims each maker could make before the automatic need quantity runs out. */
    private static final int ROUNDS = 25;

    /** Enough items for every maker to claim {@value #ROUNDS} full lots, spread over the needs. */
    static int automaticNeedQuantity(int makers, int itemsPerClaim, int needs) {
        long wanted = (long) makers * itemsPerClaim * ROUNDS / Math.max(1, needs);
        return (int) Math.max(100, Math.min(MAX_NEED_QUANTITY, wanted));
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** A duration as people write it: 500ms, 3s, 2m, 1h, or ISO-8601 (PT30S). */
    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(text.trim());
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("not a duration: '" + text + "' (examples: 500ms, 3s, 2m)");
        };
    }

    static String show(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
