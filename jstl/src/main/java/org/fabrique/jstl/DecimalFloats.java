package org.fabrique.jstl;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers from bytes to the float {@link Float#parseFloat} would give, without
 * creating strings.
 *
 * <p>Grammar: {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}. Anything else
 * (including {@code NaN}, {@code Infinity}, hexadecimal and {@code f}/{@code d} suffixes) is not a
 * number here.
 *
 * <p>Fast path (Clinger): when the significant digits fit in 53 bits and the power of ten is at
 * most 22, {@code digits × 10^e} (or {@code ÷}) is one correctly rounded double operation, so it
 * yields the double nearest the decimal. Narrowing that double to float rounds correctly too,
 * unless the double sits exactly halfway between two floats (the decimal itself may be off the
 * midpoint, and rounding twice would then go the wrong way): that rare case, and every number
 * outside the fast path, goes to {@link Float#parseFloat}.
 */
final class DecimalFloats {

  /** Returned for text outside the grammar; a number in the grammar never parses to NaN. */
  static final float NOT_A_NUMBER = Float.NaN;

  private static final long LARGEST_EXACT_SIGNIFICAND = 1L << 53;
  private static final int MAX_SIGNIFICANT_DIGITS = 18;
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  private DecimalFloats() {}

  /**
   * The float for {@code bytes[start..end)}, {@link #NOT_A_NUMBER} if it is not a decimal number.
   * Numbers beyond the float range give an infinity, as {@link Float#parseFloat} does.
   */
  static float parse(byte[] bytes, int start, int end) {
    int i = start;
    if (i == end) {
      return NOT_A_NUMBER;
    }
    boolean negative = false;
    if (bytes[i] == '-' || bytes[i] == '+') {
      negative = bytes[i] == '-';
      i++;
    }
    long significand = 0;
    int significantDigits = 0;
    int droppedDigits = 0;
    int digits = 0;
    while (i < end && isDigit(bytes[i])) {
      int digit = bytes[i] - '0';
      if (significantDigits < MAX_SIGNIFICANT_DIGITS) {
        significand = significand * 10 + digit;
        if (significand != 0) {
          significantDigits++;
        }
      } else {
        droppedDigits++;
      }
      digits++;
      i++;
    }
    int fractionDigits = 0;
    if (i < end && bytes[i] == '.') {
      i++;
      while (i < end && isDigit(bytes[i])) {
        int digit = bytes[i] - '0';
        if (significantDigits < MAX_SIGNIFICANT_DIGITS) {
          significand = significand * 10 + digit;
          if (significand != 0) {
            significantDigits++;
          }
          fractionDigits++;
        } else {
          droppedDigits++;
        }
        digits++;
        i++;
      }
    }
    if (digits == 0) {
      return NOT_A_NUMBER;
    }
    long exponent = 0;
    if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
        negativeExponent = bytes[i] == '-';
        i++;
      }
      int exponentDigits = 0;
      while (i < end && isDigit(bytes[i])) {
        if (exponent < 1_000_000) {
          exponent = exponent * 10 + (bytes[i] - '0');
        }
        exponentDigits++;
        i++;
      }
      if (exponentDigits == 0) {
        return NOT_A_NUMBER;
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    if (i != end) {
      return NOT_A_NUMBER;
    }
    if (significand == 0) {
      return negative ? -0.0f : 0.0f;
    }
    if (droppedDigits == 0 && significand < LARGEST_EXACT_SIGNIFICAND) {
      long powerOfTen = exponent - fractionDigits;
      if (powerOfTen >= -22 && powerOfTen <= 22) {
        double nearest = powerOfTen >= 0
            ? significand * POWERS_OF_TEN[(int) powerOfTen]
            : significand / POWERS_OF_TEN[(int) -powerOfTen];
        if (!isFloatMidpoint(nearest)) {
          float value = (float) nearest;
          return negative ? -value : value;
        }
      }
    }
    return Float.parseFloat(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
  }

  /**
   * Whether a positive double lies exactly halfway between two adjacent floats, or rounds to
   * infinity (where the same ambiguity exists at the overflow threshold).
   */
  private static boolean isFloatMidpoint(double value) {
    long bits = Double.doubleToRawLongBits(value);
    int exponent = (int) (bits >>> 52) & 0x7ff;
    if (exponent >= 1023 - 126 && exponent < 1023 + 127) {
      // In the range of normal floats (below 2^127, far from overflow), floats are the doubles
      // whose 29 low significand bits are zero, and the midpoints between neighbours those
      // whose 29 low bits are 1 followed by 28 zeros.
      return (bits & 0x1fffffffL) == 0x10000000L;
    }
    float rounded = (float) value;
    if (Float.isInfinite(rounded)) {
      return true;
    }
    if (rounded == value) {
      return false;
    }
    float neighbour = value > rounded ? Math.nextUp(rounded) : Math.nextDown(rounded);
    return value == ((double) rounded + (double) neighbour) / 2;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /**
   * Whether a token names a non-finite value the way C libraries and exporters print them:
   * {@code nan}, {@code inf}, {@code infinity} in any case and sign, {@code 1.#INF}, {@code
   * -1.#IND}, {@code 1.#QNAN}.
   */
  static boolean isNonFiniteToken(byte[] bytes, int start, int end) {
    int i = start;
    if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
      i++;
    }
    if (startsWithIgnoreCase(bytes, i, end, "nan") || startsWithIgnoreCase(bytes, i, end, "inf")) {
      return true;
    }
    for (int j = i; j < end; j++) {
      if (bytes[j] == '#') {
        return startsWithIgnoreCase(bytes, j + 1, end, "inf")
            || startsWithIgnoreCase(bytes, j + 1, end, "ind")
            || startsWithIgnoreCase(bytes, j + 1, end, "qnan")
            || startsWithIgnoreCase(bytes, j + 1, end, "snan");
      }
    }
    return false;
  }

  private static boolean startsWithIgnoreCase(byte[] bytes, int start, int end, String lower) {
    if (end - start < lower.length()) {
      return false;
    }
    for (int k = 0; k < lower.length(); k++) {
      if ((bytes[start + k] | 0x20) != lower.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
