package org.fabrique.agent.time;

import java.time.Duration;

/** Durations written the way a person reads them in a log line: "8 s", "2.5 s", "4 min", "1 h 35 min". */
public final class Durations {

    private Durations() {
    }

    public static String human(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 10_000) {
            long tenths = Math.round(millis / 100.0);
            return tenths % 10 == 0 ? (tenths / 10) + " s" : (tenths / 10) + "." + (tenths % 10) + " s";
        }
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 120) {
            return minutes + " min";
        }
        return (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
