package org.fabrique.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A printer as the maker declared it: what the coordinator needs to offer it work (model, bed, nozzle,
 * materials) and how the agent drives it (driver and its settings, largest batch to claim).
 */
public record PrinterSettings(
        String id,
        String model,
        BedSize bed,
        double nozzle,
        List<String> materials,
        String driver,
        double speedFactor,
        double failureRate,
        int maxBatch,
        OptionalLong seed) {

    public static final String VIRTUAL_DRIVER = "virtual";
    public static final List<String> KNOWN_MATERIALS = List.of("PLA", "PETG", "ABS", "ASA", "TPU", "PC", "NYLON");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,40}");

    public PrinterSettings {
        materials = List.copyOf(materials);
    }

    /** Checks every field the way the coordinator will, so that mistakes are caught before any network call. */
    public static PrinterSettings of(String id, String model, BedSize bed, double nozzle, List<String> materials,
                                     String driver, double speedFactor, double failureRate, int maxBatch,
                                     OptionalLong seed) throws ConfigException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ConfigException("printer id '" + id + "' must be 1 to 40 characters from a-z, 0-9 and -");
        }
        if (model == null || model.isBlank() || model.length() > 80) {
            throw new ConfigException("printer " + id + ": model must be 1 to 80 characters");
        }
        if (bed == null) {
            throw new ConfigException("printer " + id + ": bed size is missing");
        }
        if (!(nozzle >= 0.1 && nozzle <= 2.0)) {
            throw new ConfigException("printer " + id + ": nozzle " + nozzle + " mm is outside 0.1 to 2.0 mm");
        }
        List<String> normalized = normalizeMaterials(id, materials);
        String normalizedDriver = driver == null || driver.isBlank() ? VIRTUAL_DRIVER : driver.trim().toLowerCase(Locale.ROOT);
        if (!(speedFactor > 0 && speedFactor <= 1_000_000)) {
            throw new ConfigException("printer " + id + ": speed factor " + speedFactor + " must be above 0 (1 prints in real time)");
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new ConfigException("printer " + id + ": failure rate " + failureRate + " must be between 0 and 1");
        }
        if (maxBatch < 1 || maxBatch > 1000) {
            throw new ConfigException("printer " + id + ": max batch " + maxBatch + " must be between 1 and 1000");
        }
        return new PrinterSettings(id, model.trim(), bed, nozzle, normalized, normalizedDriver, speedFactor, failureRate,
                maxBatch, seed == null ? OptionalLong.empty() : seed);
    }

    private static List<String> normalizeMaterials(String id, List<String> materials) throws ConfigException {
        Set<String> result = new LinkedHashSet<>();
        for (String material : materials == null ? List.<String>of() : materials) {
            String name = material.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!KNOWN_MATERIALS.contains(name)) {
                throw new ConfigException("printer " + id + ": unknown material '" + material.trim() + "'; known: "
                        + String.join(", ", KNOWN_MATERIALS));
            }
            result.add(name);
        }
        if (result.isEmpty()) {
            throw new ConfigException("printer " + id + ": give at least one material, e.g. PETG,PLA");
        }
        return new ArrayList<>(result);
    }

    public String describe() {
        return id + ": " + model + ", bed " + bed + " mm, nozzle " + nozzle + " mm, " + String.join("/", materials)
                + ", driver " + driver + (VIRTUAL_DRIVER.equals(driver)
                ? " (speed ×" + formatNumber(speedFactor) + ", failure rate " + formatNumber(failureRate) + ")" : "")
                + ", batches up to " + maxBatch;
    }

    static String formatNumber(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
