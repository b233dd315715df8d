package org.vigil.extract.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normal forms of names, so that spelling variants of one name give one key and so one STIX id. */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Names() {
    }

    /** Lowercase, without accents, curly apostrophes made straight: "Müller" and "Muller" fold alike. */
    public static String fold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("").replace('’', '\'').toLowerCase(Locale.ROOT);
    }

    /**
     * The key of a name: folded, without periods and apostrophes, every other run of punctuation and space
     * one space ("U.S." and "US" meet, so do "Nal’chik" and "Nalchik").
     */
    public static String key(String s) {
        String folded = fold(s).replace(".", "").replace("'", "");
        return NOT_WORD.matcher(folded).replaceAll(" ").trim();
    }

    /** Collapses runs of whitespace to one space and trims. */
    public static String squash(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
