package org.fabrique.loadgen;

import java.util.Locale;
import java.util.OptionalLong;

/** How figures are written in reports. */
final class Format {

    private Format() {
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "-";
        }
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : millis < 100 ? "%.1f" : "%.0f", millis);
    }

    static String megabytes(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%d MB", bytes.getAsLong() / (1024 * 1024)) : "n/a";
    }
}
