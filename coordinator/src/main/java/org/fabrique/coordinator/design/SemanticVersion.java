package org.fabrique.coordinator.design;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Semantic Versioning 2.0.0 version, ordered by precedence (build metadata ignored). */
public record SemanticVersion(long major, long minor, long patch, String preRelease) implements Comparable<SemanticVersion> {

    public static final Pattern PATTERN = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
                    + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    public static boolean isValid(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }

    public static SemanticVersion parse(String text) {
        Matcher m = PATTERN.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a semantic version: " + text);
        }
        return new SemanticVersion(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(4));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease == null || other.preRelease == null) {
            return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
        }
        String[] a = preRelease.split("\\.");
        String[] b = other.preRelease.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean aNum = a[i].chars().allMatch(Character::isDigit);
            boolean bNum = b[i].chars().allMatch(Character::isDigit);
            int step = aNum && bNum ? Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]))
                    : aNum ? -1 : bNum ? 1 : a[i].compareTo(b[i]);
            if (step != 0) {
                return step;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
