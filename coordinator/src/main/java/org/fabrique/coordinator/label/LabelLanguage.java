package org.fabrique.coordinator.label;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.fabrique.designs.DesignManifest.LocalizedText;

/**
 * The language of a label's captions, title and disclaimer. The warning that the item is not a
 * certified medical device is printed in both languages whatever is chosen.
 */
public enum LabelLanguage {
    FR, EN, BOTH;

    public static final LabelLanguage DEFAULT = BOTH;

    /** The language named by a {@code lang} query parameter; the default when absent. */
    public static LabelLanguage parse(String code) {
        if (code == null || code.isBlank()) {
            return DEFAULT;
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "fr" -> FR;
            case "en" -> EN;
            case "both" -> BOTH;
            default -> throw new ApiException(ProblemType.VALIDATION_FAILED, "lang: must be fr, en or both, got \""
                    + code + "\"");
        };
    }

    /** A text in this language, or in both (French first) when they differ; empty when there is no text. */
    List<String> texts(LocalizedText text) {
        if (text == null) {
            return List.of();
        }
        String fr = blankToNull(text.fr());
        String en = blankToNull(text.en());
        List<String> texts = switch (this) {
            case FR -> Arrays.asList(fr != null ? fr : en);
            case EN -> Arrays.asList(en != null ? en : fr);
            case BOTH -> Arrays.asList(fr, en == null || en.equals(fr) ? null : en);
        };
        return texts.stream().filter(Objects::nonNull).toList();
    }

    /** {@link #texts} on one line. */
    String line(LocalizedText text) {
        return String.join(" / ", texts(text));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
