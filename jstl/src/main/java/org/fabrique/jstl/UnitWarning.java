package org.fabrique.jstl;

/**
 * A part whose size suggests its file is not in millimetres.
 *
 * @param kind whether the part is implausibly small or large
 * @param largestSize the largest bounding-box size, in the file's units
 * @param suggestedScale factor that would turn the most likely unit into millimetres
 * @param message a sentence for a person, naming the likely units
 */
public record UnitWarning(Kind kind, double largestSize, double suggestedScale, String message) {

  /** Below this largest size (in file units, read as millimetres) a part is implausibly small. */
  public static final double SMALLEST_PLAUSIBLE_SIZE = 1.0;

  /** Above this largest size (in file units, read as millimetres) a part is implausibly large. */
  public static final double LARGEST_PLAUSIBLE_SIZE = 2000.0;

  public enum Kind {
    TOO_SMALL,
    TOO_LARGE
  }
}
