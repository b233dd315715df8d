package org.vigil.screen.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.PhoneticEngine;
import org.apache.commons.codec.language.bm.RuleType;

/**
 * Beider–Morse phonetic keys: the ways a name token may sound, across the European languages the rules know.
 * Encoding takes a fraction of a millisecond, and screening meets the same tokens again and again, so keys are
 * kept once computed.
 */
public final class Phonetics {

    private static final int CACHE_LIMIT = 500_000;
    private static final PhoneticEngine ENGINE = new PhoneticEngine(NameType.GENERIC, RuleType.APPROX, true);
    private static final ConcurrentHashMap<String, Set<String>> CACHE = new ConcurrentHashMap<>();

    private Phonetics() {
    }

    /** The phonetic keys of one token; empty for tokens too short to say anything. */
    public static Set<String> keys(String token) {
        if (token.length() < 2) {
            return Set.of();
        }
        Set<String> keys = CACHE.get(token);
        if (keys == null) {
            keys = Set.of(ENGINE.encode(token).split("\\|"));
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(token, keys);
        }
        return keys;
    }

    /** Whether two tokens may sound alike. */
    public static boolean alike(String a, String b) {
        Set<String> ka = keys(a);
        for (String k : keys(b)) {
            if (ka.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The consonants of a token, doubled letters once, a final h dropped: what an Arabic or Hebrew spelling writes
     * of a name whose short vowels it leaves out (محمد is mhmd; so are Muhammad and Mohammed). Q, gh and c (not ch) are written k, ph f, as Latin spellings do (Cohen, כהן; Qasem, Ghasem).
     */
    private static final java.util.regex.Pattern HARD_C = java.util.regex.Pattern.compile("c(?!h)");

    public static String consonants(String token) {
        StringBuilder out = new StringBuilder(token.length());
        String t = HARD_C.matcher(token.replace("ph", "f").replace("dzh", "j").replace("dj", "j").replace("gh", "q").replace('q', 'k')).replaceAll("k");
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ("aeiouyw".indexOf(c) >= 0 || (i > 0 && t.charAt(i - 1) == c)) {
                continue;
            }
            out.append(c);
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == 'h') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }
}
