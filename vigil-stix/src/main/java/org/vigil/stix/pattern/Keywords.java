package org.vigil.stix.pattern;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The uppercase keywords of STIX patterning, and the closest one to a misspelled word.
 */
final class Keywords {

    /** Longer words are not typos of a keyword, and comparing them would only cost time. */
    private static final int MAX_COMPARED_LENGTH = 24;

    private static final Map<String, Integer> TYPES = keywordTypes();

    private Keywords() {
    }

    /** The token type of a keyword spelled exactly, if the word is one. */
    static Optional<Integer> type(String word) {
        return Optional.ofNullable(TYPES.get(word));
    }

    /** The keyword the word would be if it were uppercase, e.g. AND for "and". */
    static Optional<String> uppercaseOf(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return !upper.equals(word) && TYPES.containsKey(upper) ? Optional.of(upper) : Optional.empty();
    }

    /** The nearest candidate within a couple of edits of the word, ignoring case. */
    static Optional<String> closest(String word, Iterable<String> candidates) {
        if (word.length() > MAX_COMPARED_LENGTH) {
            return Optional.empty();
        }
        return Spelling.closest(word.toUpperCase(Locale.ROOT), candidates);
    }

    static Iterable<String> all() {
        return TYPES.keySet();
    }

    static boolean isKeyword(int tokenType) {
        return TYPES.containsValue(tokenType);
    }

    private static Map<String, Integer> keywordTypes() {
        Map<String, Integer> types = new TreeMap<>();
        for (int type = 1; type <= StixPatternLexer.VOCABULARY.getMaxTokenType(); type++) {
            String literal = StixPatternLexer.VOCABULARY.getLiteralName(type);
            if (literal != null && literal.matches("'[A-Z]+'")) {
                types.put(literal.substring(1, literal.length() - 1), type);
            }
        }
        return Collections.unmodifiableMap(types);
    }
}
