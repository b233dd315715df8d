package org.vigil.screen.internal;

/**
 * Edit distance between name tokens (insertions, deletions, substitutions and swaps of neighbours, each one edit),
 * and what a single edit looks like: transliterations differ in vowels and in doubled or silent letters, typists
 * swap neighbours, while a changed consonant or ending usually makes another name (Maskhadov, Maskhanov). I and y
 * stand for the same Cyrillic letters in different conventions, u and w for the same Arabic one, so trading them
 * is a slip.
 */
public final class Edits {

    /** The kinds of one-edit difference, from most to least likely to be the same name. */
    public enum Kind {
        /** Neighbours swapped, a vowel, doubled letter or silent h added or dropped. */
        SLIP,
        /** One vowel written as another. */
        VOWEL,
        /** A consonant written as one that sounds alike or that another convention uses (k, q; s, z; v, w). */
        SOUND,
        /** A consonant changed, added or dropped. */
        CONSONANT
    }

    private static final java.util.regex.Pattern HARD_C = java.util.regex.Pattern.compile("c(?!h)");

    private Edits() {
    }

    /** A token with y written i and ou written u, the same sounds in other conventions. */
    public static String vowelsAsOne(String token) {
        return token.replace("ou", "u").replace('y', 'i');
    }

    /**
     * A token as it sounds, roughly: y as i, ou and oo as u, ee as i, ph as f, dj and dzh as j, kh as h, and gh, q
     * and c (but not ch) as k, since Persian says gh and q alike (Ghasem, Qasem) and transliterations of Russian
     * and Arabic write the same letters kh or h (Abdrakhmanov, Abdrahmanov), dj, dzh or j (Belhadj, Belhaj).
     */
    public static String soundKey(String token) {
        String key = SOUND_KEYS.get(token);
        if (key == null) {
            key = HARD_C.matcher(vowelsAsOne(token).replace("ph", "f").replace("ee", "i").replace("oo", "u")
                    .replace("dzh", "j").replace("dj", "j").replace("kh", "h").replace("gh", "q").replace('q', 'k'))
                    .replaceAll("k");
            if (SOUND_KEYS.size() > 500_000) {
                SOUND_KEYS.clear();
            }
            SOUND_KEYS.put(token, key);
        }
        return key;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> SOUND_KEYS =
            new java.util.concurrent.ConcurrentHashMap<>();


    /** The optimal-string-alignment distance, counting a swap of neighbours as one edit. */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }

    /** What the one edit between two tokens at distance 1 is. */
    public static Kind singleEdit(String a, String b) {
        if (a.length() == b.length()) {
            int i = 0;
            while (a.charAt(i) == b.charAt(i)) {
                i++;
            }
            if (i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)) {
                return Kind.SLIP;
            }
            char x = a.charAt(i);
            char y = b.charAt(i);
            if ((x == 'i' && y == 'y') || (x == 'y' && y == 'i') || (x == 'u' && y == 'w') || (x == 'w' && y == 'u')) {
                return Kind.SLIP;
            }
            if (vowel(x) && vowel(y)) {
                return Kind.VOWEL;
            }
            return soundAlike(x, y) ? Kind.SOUND : Kind.CONSONANT;
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        int i = 0;
        while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) {
            i++;
        }
        char extra = longer.charAt(i);
        boolean doubled = (i > 0 && longer.charAt(i - 1) == extra)
                || (i + 1 < longer.length() && longer.charAt(i + 1) == extra);
        if (i == shorter.length() && !doubled && extra != 'h') {
            // An ending added or dropped changes the name (Rahman, Rahmani; Ivanov, Ivanova).
            return Kind.CONSONANT;
        }
        // An h after s, c or z makes another sound (Asiri, Ashiri); after k, g, d or t it is a spelling habit.
        boolean silentH = extra == 'h' && (i == 0 || "scz".indexOf(longer.charAt(i - 1)) < 0);
        return vowel(extra) || silentH || doubled ? Kind.SLIP : Kind.CONSONANT;
    }

    /** Consonants that conventions trade for one another (Awlaki, Awlaqi; Yilmaz, Yilmas; Wolkow, Volkov). */
    private static boolean soundAlike(char x, char y) {
        String pair = x < y ? "" + x + y : "" + y + x;
        return pair.equals("ck") || pair.equals("kq") || pair.equals("sz") || pair.equals("vw") || pair.equals("fv");
    }

    /** How many runs of vowels a token has (Sulaymani 4, Soleimani 4, Mahmoud 2, Mohamed 3). */
    public static int vowelGroups(String token) {
        int groups = 0;
        for (int i = 0; i < token.length(); i++) {
            if (vowel(token.charAt(i)) && (i == 0 || !vowel(token.charAt(i - 1)))) {
                groups++;
            }
        }
        return groups;
    }

    private static boolean vowel(char c) {
        return "aeiouy".indexOf(c) >= 0;
    }
}
