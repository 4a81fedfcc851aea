package org.fabrique.coordinator.lot;

import java.util.Locale;
import java.util.Optional;

/**
 * Lot numbers a person can read aloud and type: {@code FAB-4K7-QM2-X}. Six Crockford base-32
 * characters carry a 30-bit number (the lot sequence, scrambled by a bijection so neighbouring lots
 * do not look alike), and a Luhn mod 32 check character catches any single mistyped character and
 * most swaps of two neighbours. Reading is lenient the Crockford way: case, hyphens and spaces do
 * not matter, O reads as 0, I and L as 1.
 */
public final class LotNumbers {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final long CAPACITY = 1L << 30;
    private static final long SCRAMBLE = 0x2F5C1B3L;
    private static final long UNSCRAMBLE = inverse(SCRAMBLE);
    private static final String PREFIX = "FAB";

    private LotNumbers() {
    }

    /** The lot number for the n-th lot (n ≥ 1). */
    public static String format(long sequence) {
        if (sequence < 1 || sequence >= CAPACITY) {
            throw new IllegalArgumentException("lot sequence out of range: " + sequence);
        }
        long value = (sequence * SCRAMBLE) & (CAPACITY - 1);
        char[] digits = new char[6];
        for (int i = 5; i >= 0; i--) {
            digits[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        String data = new String(digits);
        return PREFIX + "-" + data.substring(0, 3) + "-" + data.substring(3) + "-" + checkCharacter(data);
    }

    /** The canonical form of a typed or scanned lot number, if it is well formed and its check character matches. */
    public static Optional<String> normalize(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (!compact.startsWith(PREFIX) || compact.length() != PREFIX.length() + 7) {
            return Optional.empty();
        }
        String data = compact.substring(PREFIX.length(), PREFIX.length() + 6);
        char check = compact.charAt(compact.length() - 1);
        for (char c : (data + check).toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        if (checkCharacter(data) != check) {
            return Optional.empty();
        }
        return Optional.of(PREFIX + "-" + data.substring(0, 3) + "-" + data.substring(3) + "-" + check);
    }

    public static boolean looksLikeLotNumber(String text) {
        return text != null && text.trim().toUpperCase(Locale.ROOT).startsWith(PREFIX);
    }

    /** The sequence number a canonical lot number stands for. */
    static long sequenceOf(String lotNumber) {
        String data = lotNumber.substring(4, 7) + lotNumber.substring(8, 11);
        long value = 0;
        for (char c : data.toCharArray()) {
            value = (value << 5) | ALPHABET.indexOf(c);
        }
        return (value * UNSCRAMBLE) & (CAPACITY - 1);
    }

    /** Luhn mod N with N = 32, over the data characters. */
    static char checkCharacter(String data) {
        int factor = 2;
        int sum = 0;
        for (int i = data.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(data.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / 32 + addend % 32;
        }
        int remainder = sum % 32;
        return ALPHABET.charAt((32 - remainder) % 32);
    }

    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 5; i++) {
            x = (x * (2 - odd * x)) & (CAPACITY - 1);
        }
        return x;
    }
}
