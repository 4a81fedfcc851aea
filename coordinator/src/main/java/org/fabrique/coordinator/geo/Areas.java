package org.fabrique.coordinator.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;

/**
 * Maps a postcode to its {@link Area}. French postcodes map to départements (Corsica to 2A/2B,
 * overseas to their three-digit codes); the centres come from {@code geo/departements-fr.csv}.
 */
public final class Areas {

    private static final Pattern FRENCH_POSTCODE = Pattern.compile("\\d{5}");
    private static final Pattern OTHER_POSTCODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,9}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Map<String, Area> FRENCH = load();

    private Areas() {
    }

    /** The area of a postcode, or a 400 problem when the postcode cannot be a real one. */
    public static Area of(String country, String postcode) {
        String countryCode = country == null ? "FR" : country.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(countryCode).matches()) {
            throw invalid("country must be an ISO 3166-1 alpha-2 code such as FR, got '" + country + "'");
        }
        String code = postcode == null ? "" : postcode.trim();
        if ("FR".equals(countryCode)) {
            if (!FRENCH_POSTCODE.matcher(code).matches()) {
                throw invalid("postcode must have 5 digits in France, got '" + postcode + "'");
            }
            return frenchDepartement(code).orElseThrow(() -> invalid("postcode " + postcode + " is not in a known département"));
        }
        if (!OTHER_POSTCODE.matcher(code).matches()) {
            throw invalid("postcode '" + postcode + "' is not valid");
        }
        String prefix = code.substring(0, 2).toUpperCase(Locale.ROOT);
        return new Area(countryCode + "-" + prefix, countryCode + " " + prefix, countryCode, null, null);
    }

    public static Optional<Area> byCode(String code) {
        return Optional.ofNullable(FRENCH.get(code));
    }

    public static Collection<Area> frenchDepartements() {
        return Collections.unmodifiableCollection(FRENCH.values());
    }

    private static Optional<Area> frenchDepartement(String postcode) {
        String departement;
        if (postcode.startsWith("20")) {
            departement = Integer.parseInt(postcode) < 20200 ? "2A" : "2B";
        } else if (postcode.startsWith("97")) {
            departement = postcode.substring(0, 3);
        } else {
            departement = postcode.substring(0, 2);
        }
        return Optional.ofNullable(FRENCH.get("FR-" + departement));
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ProblemType.VALIDATION_FAILED, detail);
    }

    private static Map<String, Area> load() {
        Map<String, Area> areas = new LinkedHashMap<>();
        try (InputStream in = Areas.class.getResourceAsStream("/geo/departements-fr.csv")) {
            if (in == null) {
                throw new IllegalStateException("geo/departements-fr.csv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";");
                String code = "FR-" + f[0];
                areas.put(code, new Area(code, f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return areas;
    }
}
