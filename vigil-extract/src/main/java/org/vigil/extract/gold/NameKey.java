package org.vigil.extract.gold;

import java.text.Normalizer;
import java.util.Locale;

/** Names compared as the gold means them: case, accents, punctuation and a leading "the" do not count. */
final class NameKey {

    private NameKey() {
    }

    static String of(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[’']s\\b", "").replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return s.startsWith("the ") ? s.substring(4) : s;
    }
}
