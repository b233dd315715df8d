package org.vigil.extract.gold;

import java.util.List;

/**
 * Compares spans of two versions of one text that differ only in white space (the article file and its
 * cleaned text): an offset becomes the number of non-space characters before it.
 */
final class Layout {

    private Layout() {
    }

    /** For each offset 0..length, the number of non-space characters before it. */
    static int[] nonSpaceIndex(String text) {
        int[] out = new int[text.length() + 1];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            out[i] = n;
            if (!Character.isWhitespace(text.charAt(i))) {
                n++;
            }
        }
        out[text.length()] = n;
        return out;
    }

    /** Whether the pieces overlap for at least half of the shorter of the two sets. */
    static boolean overlapsHalf(List<int[]> a, List<int[]> b) {
        int shared = 0;
        for (int[] x : a) {
            for (int[] y : b) {
                shared += Math.max(0, Math.min(x[1], y[1]) - Math.max(x[0], y[0]));
            }
        }
        int shorter = Math.min(length(a), length(b));
        return shorter > 0 && 2 * shared >= shorter;
    }

    private static int length(List<int[]> pieces) {
        return pieces.stream().mapToInt(p -> p[1] - p[0]).sum();
    }
}
