package org.vigil.screen.internal;

/**
 * How alike two name tokens are, and on what grounds.
 *
 * @param score from 0 to 1
 * @param kind the strongest ground found
 * @param convention the transliteration convention a token was read back from, or empty
 */
public record TokenMatch(double score, Kind kind, String convention) {

    /** Grounds for two tokens to be one name part, strongest first. */
    public enum Kind {
        EXACT, VARIANT, PHONETIC, CONSONANTS, SPELLING, INITIAL, NONE
    }

    static final TokenMatch NONE = new TokenMatch(0, Kind.NONE, "");

    private static final TokenMatch EXACT_MATCH = new TokenMatch(1.0, Kind.EXACT);

    /**
     * Jaro–Winkler below which not even another convention's reading of either token brings them together
     * (Saizew and Zaytsev, the most distant pair that the readings reconcile, score 0.6).
     */
    private static final double HOPELESS = 0.5;

    /** Jaro–Winkler below which two spellings are more than two edits apart in practice. */
    private static final double FAR = 0.7;

    /** Two parts of a Chinese or Korean name that two romanizations write differently (Deng, Teng; Jong-un, Chong-un). */
    private static final double SYLLABLES_ALIKE = 0.93;

    /** The score below which two tokens are not taken for one name part at all. */
    static final double ALIGNABLE = 0.6;

    /**
     * Beider–Morse codes are broad, so they may only lift a vowel written differently, and only in names whose
     * vowels vary by transliteration; compared with y as i and ou as u (the same sounds in other conventions).
     */
    private static boolean phoneticallyClose(String a, String b, boolean vowelsVary) {
        String x = Edits.vowelsAsOne(a);
        String y = Edits.vowelsAsOne(b);
        int d = Edits.distance(x, y);
        if (d == 0) {
            return true;
        }
        if (d == 1) {
            return Edits.singleEdit(x, y) != Edits.Kind.CONSONANT
                    && (vowelsVary || Edits.singleEdit(x, y) == Edits.Kind.SLIP);
        }
        return vowelsVary && d == 2 && x.charAt(0) == y.charAt(0)
                && Phonetics.consonants(x).equals(Phonetics.consonants(y));
    }

    /**
     * How alike two spellings are by their edits. One slip in a name of four letters or more is as good as a
     * transliteration variant; a changed consonant or a second edit more often means another name, so they score
     * below the threshold unless the rest of the name is certain; further off, only Jaro–Winkler speaks, damped.
     */
    static TokenMatch spelling(String a, String b, boolean vowelsVary) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter >= 4 && Edits.soundKey(a).equals(Edits.soundKey(b))) {
            return new TokenMatch(0.93, Kind.SPELLING);
        }
        int d = Edits.distance(a, b);
        if (d == 1 && shorter >= 4) {
            return switch (Edits.singleEdit(a, b)) {
                case SLIP -> new TokenMatch(0.93, Kind.SPELLING);
                case VOWEL -> new TokenMatch(vowelsVary ? 0.9 : 0.87, Kind.SPELLING);
                case SOUND -> new TokenMatch(0.9, Kind.SPELLING);
                case CONSONANT -> new TokenMatch(shorter >= 6 ? 0.85 : 0.8, Kind.SPELLING);
            };
        }
        if (d == 2 && shorter >= 5 && Phonetics.consonants(a).equals(Phonetics.consonants(b))) {
            return new TokenMatch(vowelsVary ? 0.9 : 0.87, Kind.SPELLING);
        }
        if (d == 2 && shorter >= 8) {
            return new TokenMatch(0.84, Kind.SPELLING);
        }
        return new TokenMatch(Math.min(0.8, JaroWinkler.similarity(a, b) * 0.8), Kind.SPELLING);
    }

    TokenMatch(double score, Kind kind) {
        this(score, kind, "");
    }

    /**
     * Compares two tokens, each also as read back from the German and French conventions; {@code abjad} when one
     * side was written without short vowels.
     */
    public static TokenMatch of(String a, String b, boolean abjad, boolean vowelsVary, boolean syllabic) {
        if (a.equals(b)) {
            return EXACT_MATCH;
        }
        if (!abjad && !syllabic && JaroWinkler.similarity(a, b) < HOPELESS && !NameVariants.same(a, b)) {
            return NONE;
        }
        String key = a + (abjad ? "|A" : vowelsVary ? "|V" : "|-") + (syllabic ? "S|" : "-|") + b;
        TokenMatch known = KNOWN.get(key);
        if (known == null) {
            known = compare(a, b, abjad, vowelsVary);
            if (syllabic && known.score < SYLLABLES_ALIKE && EastAsian.key(a).equals(EastAsian.key(b))) {
                known = new TokenMatch(SYLLABLES_ALIKE, Kind.PHONETIC, "another romanization of Chinese or Korean");
            }
            if (KNOWN.size() > CACHE_LIMIT) {
                KNOWN.clear();
            }
            KNOWN.put(key, known);
        }
        return known;
    }

    /** Screening compares the same common name parts over and over; their comparisons are kept. */
    private static final java.util.concurrent.ConcurrentHashMap<String, TokenMatch> KNOWN =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 1_000_000;

    private static TokenMatch compare(String a, String b, boolean abjad, boolean vowelsVary) {
        TokenMatch best = direct(a, b, abjad, vowelsVary);
        if (best.score >= 0.95) {
            return best;
        }
        for (Readings.Reading ra : Readings.of(a)) {
            for (Readings.Reading rb : Readings.of(b)) {
                if (ra.convention().isEmpty() && rb.convention().isEmpty()
                        || abjad && (ra.slavic() || rb.slavic())
                        || !abjad && JaroWinkler.similarity(ra.token(), rb.token()) < FAR) {
                    continue;
                }
                TokenMatch t = direct(ra.token(), rb.token(), abjad, vowelsVary);
                // Read the Ukrainian way, one name must become the other (Hasanov, Gasanov), not merely come close:
                // h is also written for other letters (Hamdi, Ghamdi).
                if (ra.slavic() != rb.slavic() && t.score < 0.95) {
                    continue;
                }
                if (t.score > best.score) {
                    String convention = ra.convention().isEmpty() ? rb.convention() : ra.convention();
                    best = new TokenMatch(t.score, t.kind, convention);
                }
            }
        }
        return best;
    }

    /**
     * Whether two spellings of a name from an abjad script begin alike: written in Latin both ways, they differ in
     * vowels only inside the word (Soleimani, Sulaymani), where the same consonants with another number of vowels
     * make another name (Mahmoud, Mohamed; Rahman, Rahmani).
     */
    private static boolean sameStart(String a, String b) {
        return a.length() >= 5 && b.length() >= 5 && a.charAt(0) == b.charAt(0);
    }

    private static TokenMatch direct(String a, String b, boolean abjad, boolean vowelsVary) {
        if (a.equals(b)) {
            return new TokenMatch(1.0, Kind.EXACT);
        }
        if (NameVariants.same(a, b)) {
            return new TokenMatch(0.95, Kind.VARIANT);
        }
        if (NameVariants.slipFromVariant(a, b) || NameVariants.slipFromVariant(b, a)) {
            return new TokenMatch(0.9, Kind.VARIANT);
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) ? new TokenMatch(0.9, Kind.INITIAL) : NONE;
        }
        if (!abjad) {
            double jw = JaroWinkler.similarity(a, b);
            if (jw < FAR) {
                // So far apart that no edit rule applies; spared the costlier comparisons.
                return new TokenMatch(jw * 0.8, jw * 0.8 < ALIGNABLE ? Kind.NONE : Kind.SPELLING);
            }
        }
        TokenMatch best = spelling(a, b, vowelsVary);
        if (best.score < 0.92 && phoneticallyClose(a, b, vowelsVary) && Phonetics.alike(a, b)) {
            best = new TokenMatch(0.92, Kind.PHONETIC);
        }
        if (best.score < 0.9 && (abjad || vowelsVary && sameStart(a, b))) {
            String ca = Phonetics.consonants(a);
            if (!ca.isEmpty() && (abjad || ca.length() >= 4 && Edits.vowelGroups(a) == Edits.vowelGroups(b))
                    && ca.equals(Phonetics.consonants(b))) {
                best = new TokenMatch(0.9, Kind.CONSONANTS);
            }
        }
        return best.score < ALIGNABLE ? new TokenMatch(best.score, Kind.NONE) : best;
    }
}
