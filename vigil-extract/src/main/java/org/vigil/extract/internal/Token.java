package org.vigil.extract.internal;

/** One word of the cleaned text with its offsets and the tag the NER model gave it (O for none). */
public record Token(String text, int start, int end, String tag) {

    public boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    public String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean is(String word) {
        return text.equalsIgnoreCase(word);
    }

    public boolean isPossessive() {
        return text.equals("'s") || text.equals("’s") || text.equals("'") || text.equals("’");
    }
}
