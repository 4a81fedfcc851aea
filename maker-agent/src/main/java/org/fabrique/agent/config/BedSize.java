package org.fabrique.agent.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A printer's build volume in millimetres, written {@code 250x210x210} (width × depth × height). */
public record BedSize(double x, double y, double z) {

    private static final Pattern FORMAT = Pattern.compile(
            "\\s*(\\d+(?:\\.\\d+)?)\\s*[x×]\\s*(\\d+(?:\\.\\d+)?)\\s*[x×]\\s*(\\d+(?:\\.\\d+)?)\\s*", Pattern.CASE_INSENSITIVE);
    static final double MINIMUM = 20;
    static final double MAXIMUM = 2000;

    public static BedSize parse(String text) throws ConfigException {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new ConfigException("bed size '" + text + "' is not WIDTHxDEPTHxHEIGHT in millimetres, e.g. 250x210x210");
        }
        BedSize bed = new BedSize(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
                Double.parseDouble(matcher.group(3)));
        for (double side : new double[] {bed.x, bed.y, bed.z}) {
            if (side < MINIMUM || side > MAXIMUM) {
                throw new ConfigException("bed size '" + text + "': each side must be between 20 and 2000 mm");
            }
        }
        return bed;
    }

    @Override
    public String toString() {
        return format(x) + "x" + format(y) + "x" + format(z);
    }

    private static String format(double millimetres) {
        return millimetres == Math.rint(millimetres) ? Long.toString((long) millimetres) : String.format(Locale.ROOT, "%s", millimetres);
    }
}
