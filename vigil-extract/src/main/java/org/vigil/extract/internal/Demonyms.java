package org.vigil.extract.internal;

import java.util.HashSet;
import java.util.Set;
import org.vigil.extract.Gazetteer;
import org.vigil.extract.Place;

/**
 * Recognises adjectives of peoples, places and religions ("Russian", "Afghan", "Islamic"): the model tags
 * them as names, but they describe ("Chechen rebels"), so they never name a group themselves.
 */
final class Demonyms {

    private static final int MIN_STEM = 4;
    private static final int MAX_SUFFIX = 3;
    private static final Set<String> COUNTRY_PREFIXES = prefixes(Gazetteer.standard());

    private Demonyms() {
    }

    /** "Russian" (Russia), "Iraqi" (Iraq), "Afghan" (Afghanistan), or a word of the adjectives list. */
    static boolean is(String word) {
        String w = Names.key(word);
        if (w.contains(" ") || w.length() < MIN_STEM) {
            return false;
        }
        if (Lexicon.ADJECTIVES.contains(w)) {
            return true;
        }
        for (int len = w.length(); len >= Math.max(MIN_STEM, w.length() - MAX_SUFFIX); len--) {
            if (COUNTRY_PREFIXES.contains(w.substring(0, len))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> prefixes(Gazetteer g) {
        Set<String> out = new HashSet<>();
        for (Place country : g.countries()) {
            String name = Names.key(country.name()).split(" ")[0];
            for (int len = MIN_STEM; len <= name.length(); len++) {
                out.add(name.substring(0, len));
            }
        }
        return Set.copyOf(out);
    }
}
