package org.vigil.stix.pattern;

/**
 * Maps ANTLR's code point indexes to the UTF-16 character offsets that {@link PatternProblem} reports.
 */
final class Columns {

    /** Character offset of each code point, or null when the two coincide. */
    private final int[] charOffsets;

    private Columns(int[] charOffsets) {
        this.charOffsets = charOffsets;
    }

    static Columns of(String pattern) {
        if (pattern.codePointCount(0, pattern.length()) == pattern.length()) {
            return new Columns(null);
        }
        int[] offsets = new int[pattern.codePointCount(0, pattern.length()) + 1];
        int charIndex = 0;
        for (int i = 0; i < offsets.length - 1; i++) {
            offsets[i] = charIndex;
            charIndex += Character.charCount(pattern.codePointAt(charIndex));
        }
        offsets[offsets.length - 1] = charIndex;
        return new Columns(offsets);
    }

    /** The character offset of a code point index; indexes past the end clamp to the end. */
    int column(int codePointIndex) {
        int index = Math.max(0, codePointIndex);
        if (charOffsets == null) {
            return index;
        }
        return charOffsets[Math.min(index, charOffsets.length - 1)];
    }
}
