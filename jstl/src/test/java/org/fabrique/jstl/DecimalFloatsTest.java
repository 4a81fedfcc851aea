package org.fabrique.jstl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalFloatsTest {

  private static float parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return DecimalFloats.parse(bytes, 0, bytes.length);
  }

  /** Same float, bit for bit (so -0.0 differs from 0.0). */
  private static void assertSameAsJdk(String text) {
    assertThat(Float.floatToRawIntBits(parse(text)))
        .as("parsing %s", text)
        .isEqualTo(Float.floatToRawIntBits(Float.parseFloat(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "0", "-0", "+0", "0.0", "-0.0", "1", "-1", "+1.5", "1.", ".5", "-.5", "00012.50",
    "1e0", "1E5", "1e+05", "1e-05", "-2.5E-3", "1.234567e+01", "9.999901e-01",
    "3.1415927", "340282350000000000000000000000000000000", "3.4028235e38", "3.4028236e38",
    "1.4e-45", "7e-46", "1e-50", "1.17549435E-38", "0.000000000000000000000000000001",
    "123456789012345678901234567890", "0.1", "0.2", "0.3", "16777217", "16777216.5",
    // exactly halfway between two floats: the double path must not round twice
    "1.00000005960464477539062500", "1.000000059604644775390625", "16777217.0",
    "0.500000029802322387695312500000000000001", "1.00000005960464477539062499",
    "1e22", "1e23", "4.7019774e-38", "2.5e-45", "1e38", "1e39", "-1e39", "1e-46"
  })
  void givesTheSameFloatAsTheJdkOnHandPickedNumbers(String text) {
    assertSameAsJdk(text);
  }

  @Test
  void givesTheSameFloatAsTheJdkOnHundredsOfThousandsOfRandomNumbers() {
    SplittableRandom random = new SplittableRandom(20200317);
    for (int i = 0; i < 40_000; i++) {
      float value = Float.intBitsToFloat(random.nextInt());
      if (!Float.isFinite(value)) {
        continue;
      }
      assertSameAsJdk(Float.toString(value));
      assertSameAsJdk(String.format(Locale.ROOT, "%.6e", value));
      assertSameAsJdk(String.format(Locale.ROOT, "%.9e", value));
      assertSameAsJdk(new BigDecimal(value).toPlainString().replaceAll("(\\.\\d{0,30})\\d*", "$1"));
    }
    for (int i = 0; i < 200_000; i++) {
      int digits = 1 + random.nextInt(20);
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
      for (int d = 0; d < digits; d++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
      text.insert(text.length() - random.nextInt(digits), '.');
      text.append('e').append(random.nextInt(90) - 50);
      assertSameAsJdk(text.toString());
    }
  }

  @Test
  void givesTheSameFloatAsTheJdkOnTheMidpointsBetweenFloats() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      float low = Float.intBitsToFloat(random.nextInt(0x7f7fffff));
      BigDecimal midpoint = new BigDecimal(low).add(new BigDecimal(Math.nextUp(low)))
          .divide(BigDecimal.valueOf(2));
      assertSameAsJdk(midpoint.toString());
      assertSameAsJdk(midpoint.add(midpoint.ulp()).toString());
      assertSameAsJdk(midpoint.subtract(midpoint.ulp()).toString());
      // rounded to 17 significant digits, the decimal is near but not at the midpoint
      assertSameAsJdk(midpoint.round(new java.math.MathContext(17)).toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1..2", "--1", "0x1p3",
      "1f", "1d", "NaN", "Infinity", "1,5", "1 ", "abc", "1e5.0", "+-1"})
  void rejectsWhatIsNotADecimalNumber(String text) {
    assertThat(parse(text)).isNaN();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nan", "NaN", "-nan", "inf", "-INF", "+Infinity", "1.#INF", "-1.#IND",
      "1.#QNAN", "nan(ind)"})
  void recognisesTheWaysExportersPrintNonFiniteValues(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    assertThat(DecimalFloats.isNonFiniteToken(bytes, 0, bytes.length)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "abc", "n", "in", "#"})
  void doesNotMistakeOtherTokensForNonFiniteValues(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    assertThat(DecimalFloats.isNonFiniteToken(bytes, 0, bytes.length)).isFalse();
  }

  @Test
  void parsesARangeInsideALargerBuffer() {
    byte[] bytes = "vertex 12.5e-1 x".getBytes(StandardCharsets.US_ASCII);
    assertThat(DecimalFloats.parse(bytes, 7, 14)).isEqualTo(1.25f);
  }
}
