package org.vigil.stix.pattern;

import java.util.Optional;

/** The nearest of some known words to a misspelled one, for "did you mean" hints in messages. */
public final class Spelling {

    /** Words longer than this are not compared: the hint is for typos, and the table is quadratic. */
    private static final int MAX_COMPARED_LENGTH = 64;

    private Spelling() {
    }

    /** The nearest candidate within a couple of edits of the word (case counts), or nothing. */
    public static Optional<String> closest(String word, Iterable<String> candidates) {
        if (word.length() > MAX_COMPARED_LENGTH) {
            return Optional.empty();
        }
        String best = null;
        // Short words are within two edits of too many candidates to be a useful hint.
        int bestDistance = word.length() <= 3 ? 2 : 3;
        for (String candidate : candidates) {
            int distance = editDistance(word, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance; both words are short, so the quadratic table is cheap. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
