package org.fabrique.coordinator.label;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;

/** The label stocks a label is laid out for, portrait, in millimetres. */
public enum LabelSize {
    /** Brother DK-11202 die-cut labels (QL label printers). */
    DK_62X100("62x100", 62, 100),
    /** Shipping labels of thermal printers (100 × 150 mm, the European 4 × 6 in). */
    SHIPPING_100X150("100x150", 100, 150),
    /** One label on an A4 sheet, for an office printer. */
    A4("a4", 210, 297);

    public static final LabelSize DEFAULT = DK_62X100;
    private static final double POINTS_PER_MILLIMETRE = 72 / 25.4;

    private final String code;
    private final int widthMillimetres;
    private final int heightMillimetres;

    LabelSize(String code, int widthMillimetres, int heightMillimetres) {
        this.code = code;
        this.widthMillimetres = widthMillimetres;
        this.heightMillimetres = heightMillimetres;
    }

    /** The size named by a {@code size} query parameter; the default when absent. */
    public static LabelSize parse(String code) {
        if (code == null || code.isBlank()) {
            return DEFAULT;
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(size -> size.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new ApiException(ProblemType.VALIDATION_FAILED, "size: must be one of "
                        + Arrays.stream(values()).map(LabelSize::code).collect(Collectors.joining(", ")) + ", got \""
                        + code + "\""));
    }

    public String code() {
        return code;
    }

    public float widthPoints() {
        return (float) (widthMillimetres * POINTS_PER_MILLIMETRE);
    }

    public float heightPoints() {
        return (float) (heightMillimetres * POINTS_PER_MILLIMETRE);
    }
}
