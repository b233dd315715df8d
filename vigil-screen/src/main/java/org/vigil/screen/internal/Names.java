package org.vigil.screen.internal;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a name into its {@link NameForm}s: romanized every usual way, folded, cut into tokens, particles dropped. */
public final class Names {

    /**
     * Articles, filiation words and nobiliary particles. Spellings of one name keep or drop them freely
     * (al-Baghdadi, Baghdadi; bin Laden, Laden), so they carry no weight in a comparison.
     */
    static final Set<String> PARTICLES = Set.of("al", "el", "ul", "ad", "ar", "as", "at", "az", "bin", "ibn", "ben",
            "bint", "bn", "bel", "abu", "abou", "abw", "van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del",
            "della", "dos", "das", "do", "y", "ter", "ten", "ould", "zu");

    /**
     * Arabic names written with the first part joined on (Abubakr, Abdurrahman, Abdelaziz): split so that they line
     * up with the same names written apart. Short remainders (Abdullah) stay whole: they are names of their own.
     */
    private static final java.util.regex.Pattern JOINED_PREFIX =
            java.util.regex.Pattern.compile("(abu|abou|abdul|abdel|abdal|abdur|abdar|abder)([a-z]{4,})");
    private static final Transliterator FOLD = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
    private static final String APOSTROPHES = "['’‘ʼʻʿʾ`´\"]";

    private Names() {
    }

    /** The distinct forms of a name, one per romanization that yields distinct tokens. */
    public static List<NameForm> forms(String name) {
        Map<List<String>, NameForm> out = new LinkedHashMap<>();
        for (Romanizer.Romanization r : Romanizer.of(name)) {
            List<String> tokens = tokens(r.latin());
            if (!tokens.isEmpty()) {
                boolean vowelsVary = r.script().abjad() || looksArabic(r.latin()) || tokens.contains("abd");
                boolean vietnamese = tokens.stream().anyMatch(VIETNAMESE_SURNAMES::contains);
                boolean syllabic = r.script().syllabic() || (EastAsian.surnameIn(tokens) && !vietnamese);
                if (syllabic) {
                    tokens = EastAsian.givenNameJoined(tokens);
                }
                if (vowelsVary) {
                    tokens = articleAssimilated(tokens);
                }
                out.putIfAbsent(tokens, new NameForm(name, r.scheme(), r.script(), tokens, vowelsVary, syllabic));
                List<String> joined = vietnamese ? List.of() : particlesJoined(fold(r.latin()));
                if (joined.size() > 1 && !joined.equals(tokens)) {
                    out.putIfAbsent(joined, new NameForm(name, r.scheme(), r.script(), joined, vowelsVary, syllabic));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** Lower-case ASCII; most names are ASCII already and skip the transliterator, which costs far more. */
    private static String fold(String latin) {
        boolean ascii = true;
        for (int i = 0; i < latin.length() && ascii; i++) {
            ascii = latin.charAt(i) < 128;
        }
        if (ascii) {
            return latin.toLowerCase(java.util.Locale.ROOT);
        }
        synchronized (FOLD) {
            return FOLD.transliterate(latin);
        }
    }

    /** Arabic particles (al-, bin, abu…): their presence marks a name transliterated from Arabic. */
    private static final Set<String> ARABIC_PARTICLES = Set.of("al", "el", "ul", "ad", "ar", "as", "at", "az", "bin",
            "ibn", "bint", "bn", "bel", "abu", "abou", "abw", "ould", "abd", "abdel", "abdul");

    /** Whether a name was most likely transliterated from Arabic: an Arabic particle or a known Arabic name. */
    static boolean looksArabic(String latin) {
        String folded = fold(latin);
        for (String t : folded.split("[^a-z]+")) {
            if (ARABIC_PARTICLES.contains(t) || NameVariants.arabic(t)) {
                return true;
            }
        }
        return false;
    }

    /** A Latin string folded to lower-case ASCII, cut at anything but letters and digits, particles dropped. */
    public static List<String> tokens(String latin) {
        String folded = fold(latin);
        folded = joinSyllables(folded.replaceAll(APOSTROPHES, "")).replaceAll("[^a-z0-9]+", " ").trim();
        if (folded.isEmpty()) {
            return List.of();
        }
        List<String> all = Arrays.asList(folded.split(" "));
        if (all.stream().anyMatch(VIETNAMESE_SURNAMES::contains)) {
            // Van and Thi are Vietnamese middle names (one for men, one for women), not particles.
            return all;
        }
        List<String> kept = new ArrayList<>(all.size());
        for (String t : all) {
            java.util.regex.Matcher joined = JOINED_PREFIX.matcher(t);
            if (joined.matches()) {
                if (joined.group(1).startsWith("abd")) {
                    kept.add("abd");
                }
                kept.add(joined.group(2));
            } else if (!PARTICLES.contains(t)) {
                kept.add(t);
            }
        }
        return joinAllah(kept.isEmpty() ? all : kept);
    }

    /**
     * The name with each particle written onto the word after it (Ben Ali as Benali, O Sullivan as OSullivan, Abu
     * Bakr as Abubakr), as some spellings write them; empty when the name has no particle before a word.
     */
    private static List<String> particlesJoined(String folded) {
        String[] words = folded.replaceAll(APOSTROPHES, "").replaceAll("[^a-z0-9]+", " ").trim().split(" ");
        List<String> out = new ArrayList<>(words.length);
        boolean any = false;
        for (int i = 0; i < words.length; i++) {
            if (i + 1 < words.length && JOINING_PARTICLES.contains(words[i]) && !PARTICLES.contains(words[i + 1])) {
                out.add(words[i] + words[++i]);
                any = true;
            } else if (!PARTICLES.contains(words[i])) {
                out.add(words[i]);
            }
        }
        return any ? out : List.of();
    }

    /** Particles that some spellings write onto the next word. */
    private static final Set<String> JOINING_PARTICLES = Set.of("ben", "bel", "bin", "bou", "o", "mc", "mac", "van",
            "de", "di", "da", "du", "le", "la", "el");

    /**
     * The Arabic article assimilated to a sun letter and written onto the word (Ezzahra, Azzawahiri, Ennahda) is
     * dropped as the article written apart is, in names transliterated from Arabic.
     */
    private static List<String> articleAssimilated(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            java.util.regex.Matcher m = SUN_ARTICLE.matcher(t);
            out.add(m.matches() ? m.group(1) + m.group(2) : t);
        }
        return out;
    }

    private static final java.util.regex.Pattern SUN_ARTICLE =
            java.util.regex.Pattern.compile("[ae]([tdrzsnl])\\1([a-z]{3,})");

    /** The commonest Vietnamese surnames, those that are no European particle or word. */
    private static final Set<String> VIETNAMESE_SURNAMES = Set.of("nguyen", "tran", "pham", "hoang", "huynh", "phan",
            "vu", "vo", "dang", "bui", "ngo", "duong", "truong", "dinh", "trinh", "luong");

    /**
     * Syllables joined by a hyphen (Wei-dong, Jong-un) are one given name, written elsewhere as one word; longer
     * hyphenated parts (Jean-Pierre, Abdel-Rahman) are names of their own.
     */
    private static String joinSyllables(String folded) {
        java.util.regex.Matcher m = SYLLABLES.matcher(folded);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String joined = PARTICLES.contains(m.group(1)) || PARTICLES.contains(m.group(2)) ? m.group() : m.group(1) + m.group(2);
            m.appendReplacement(out, joined);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final java.util.regex.Pattern SYLLABLES = java.util.regex.Pattern.compile("\\b([a-z]{1,4})-([a-z]{1,4})\\b");

    /** Nasr Allah and Nasrallah, Ata Ullah and Ataullah are one name: the theophoric ending joins its word. */
    private static List<String> joinAllah(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            if (!out.isEmpty() && (t.equals("allah") || t.equals("ullah") || t.equals("allh") || t.equals("illah"))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + t);
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
