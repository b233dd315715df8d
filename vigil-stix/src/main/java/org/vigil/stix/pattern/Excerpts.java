package org.vigil.stix.pattern;

/**
 * Quotes pattern text back in messages: control characters and lone surrogates escaped, long text cut short.
 */
final class Excerpts {

    /** Longest excerpt, so a megabyte token cannot flood a message. */
    static final int MAX_CODE_POINTS = 40;

    private Excerpts() {
    }

    static String of(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_CODE_POINTS).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            out.append("...");
        }
        return out.toString();
    }

    /** "1 character" or "N characters", for messages about name lengths. */
    static String length(String text) {
        return text.length() == 1 ? "1 character" : text.length() + " characters";
    }
}
