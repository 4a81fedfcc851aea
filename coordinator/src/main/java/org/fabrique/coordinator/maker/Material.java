package org.fabrique.coordinator.maker;

/** Filament families a printer can load and a design may allow. */
public enum Material {
    PLA, PETG, ABS, ASA, TPU, PC, NYLON
}
