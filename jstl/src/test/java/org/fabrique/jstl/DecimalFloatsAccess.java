package org.fabrique.jstl;

/** Lets the benchmarks call the package-private decimal parser. */
public final class DecimalFloatsAccess {

  private DecimalFloatsAccess() {}

  public static float parse(byte[] number) {
    return DecimalFloats.parse(number, 0, number.length);
  }
}
