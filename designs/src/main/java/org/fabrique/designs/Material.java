package org.fabrique.designs;

/**
 * Filament materials the library knows, with the density used to turn a slicer's filament
 * volume into grams.
 */
public enum Material {
    PLA(1.24),
    PETG(1.27),
    ABS(1.04),
    ASA(1.07),
    PC(1.20),
    PA(1.14),
    TPU(1.21);

    private final double density;

    Material(double densityGramsPerCubicCentimetre) {
        this.density = densityGramsPerCubicCentimetre;
    }

    public double densityGramsPerCubicCentimetre() {
        return density;
    }
}
