package org.fabrique.jstl;

import static org.fabrique.jstl.UnitWarning.LARGEST_PLAUSIBLE_SIZE;
import static org.fabrique.jstl.UnitWarning.SMALLEST_PLAUSIBLE_SIZE;

import java.util.Locale;
import java.util.Optional;

/** Guesses the unit a part was exported in when millimetres give it an implausible size. */
final class Units {

  private Units() {}

  static Optional<UnitWarning> warningFor(double largestSize) {
    if (largestSize < SMALLEST_PLAUSIBLE_SIZE) {
      if (largestSize <= 0) {
        return Optional.of(new UnitWarning(UnitWarning.Kind.TOO_SMALL, largestSize, 1,
            "the part has no extent: every vertex is at the same place"));
      }
      return Optional.of(new UnitWarning(UnitWarning.Kind.TOO_SMALL, largestSize, 1000,
          String.format(Locale.ROOT,
              "the part is only %s mm across: if the file is in metres, scale by 1000 (%s mm);"
                  + " if in inches, scale by 25.4 (%s mm)",
              format(largestSize), format(largestSize * 1000), format(largestSize * 25.4))));
    }
    if (largestSize > LARGEST_PLAUSIBLE_SIZE) {
      return Optional.of(new UnitWarning(UnitWarning.Kind.TOO_LARGE, largestSize, 0.001,
          String.format(Locale.ROOT,
              "the part is %s mm across: if the file is in micrometres, scale by 0.001 (%s mm);"
                  + " if in tenths of a millimetre, scale by 0.1 (%s mm)",
              format(largestSize), format(largestSize / 1000), format(largestSize / 10))));
    }
    return Optional.empty();
  }

  private static String format(double millimetres) {
    return String.format(Locale.ROOT, "%.4g", millimetres);
  }
}
