package org.fabrique.coordinator.design;

/** A text in French and English, the two languages of every page and label. */
public record Localized(String fr, String en) {
}
