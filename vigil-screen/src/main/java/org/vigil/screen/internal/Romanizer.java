package org.vigil.screen.internal;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a name in Latin letters, in every way it is commonly written: a Russian name comes out as ICU's ISO 9
 * rules, BGN/PCGN, ICAO 9303 (passports) and the French and German conventions write it, since the same person
 * appears as Umarov, Oumarov and Umarow depending on who typed the name.
 */
public final class Romanizer {

    /** One way of writing a name in Latin letters. */
    public record Romanization(String scheme, Script script, String latin) {
    }

    /** The scripts whose names are transliterated differently. */
    public enum Script {
        LATIN("Latin"), CYRILLIC("Cyrillic"), ARABIC("Arabic"), GREEK("Greek"), HAN("Chinese"), HANGUL("Korean"),
        HEBREW("Hebrew"), OTHER("non-Latin");

        private final String label;

        Script(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Scripts whose names are a one-syllable surname and a given name of syllables, written variously in Latin. */
        public boolean syllabic() {
            return this == HAN || this == HANGUL;
        }

        /** Scripts that leave short vowels unwritten, so only consonants can be compared. */
        public boolean abjad() {
            return this == ARABIC || this == HEBREW;
        }
    }

    private static final Map<String, Transliterator> CYRILLIC = new LinkedHashMap<>();

    static {
        CYRILLIC.put("ISO 9", Transliterator.getInstance("Cyrillic-Latin"));
        CYRILLIC.put("BGN/PCGN", rules("russian-bgn-pcgn"));
        CYRILLIC.put("ICAO 9303", rules("russian-icao-9303"));
        CYRILLIC.put("French", rules("russian-french"));
        CYRILLIC.put("German", rules("russian-german"));
    }

    /** Serbian and Macedonian letters that Russian lacks, written as Serbian Latin does before the rest. */
    private static final Transliterator SERBIAN = Transliterator.createFromRules("serbian-letters",
            "џ > dž; Џ > Dž; ћ > ć; Ћ > Ć; ђ > đ; Ђ > Đ; љ > lj; Љ > Lj; њ > nj; Њ > Nj; ј > j; Ј > J;",
            Transliterator.FORWARD);
    private static final java.util.regex.Pattern SERBIAN_LETTERS = java.util.regex.Pattern.compile("[џЏћЋђЂљЉњЊјЈ]");
    private static final Transliterator HANGUL_LATIN = Transliterator.getInstance("Hangul-Latin");
    /** Hebrew as names are commonly written: b, k and p softened after a vowel (Avigdor), vav and yod as vowels. */
    private static final Transliterator HEBREW_NAMES = rules("hebrew-latin");
    /** Hebrew with b, k and p kept hard, as names of foreign origin keep them (Lieberman). */
    private static final Transliterator HEBREW_HARD = rules("hebrew-latin-hard");
    private static final Transliterator GREEK_UNGEGN = Transliterator.getInstance("Greek-Latin/UNGEGN");
    private static final Transliterator ANY_LATIN = Transliterator.getInstance("Any-Latin");

    private Romanizer() {
    }

    /** Every romanization of a name; a name already in Latin letters is its own only one. */
    public static List<Romanization> of(String name) {
        Script script = scriptOf(name);
        List<Romanization> out = new ArrayList<>();
        switch (script) {
            case LATIN -> out.add(new Romanization("", script, name));
            case CYRILLIC -> {
                String cyrillic = SERBIAN_LETTERS.matcher(name).find() ? apply(SERBIAN, name) : name;
                CYRILLIC.forEach((scheme, t) -> out.add(new Romanization(scheme, script, apply(t, cyrillic))));
            }
            case GREEK -> {
                out.add(new Romanization("UNGEGN", script, apply(GREEK_UNGEGN, name)));
                out.add(new Romanization("ICU Greek-Latin", script, apply(ANY_LATIN, name)));
            }
            case ARABIC -> out.add(new Romanization("ICU Arabic-Latin", script, apply(ANY_LATIN, arabicArticleApart(name))));
            case HAN -> out.add(new Romanization("ICU Han-Latin", script, givenNameJoined(apply(ANY_LATIN, name))));
            case HANGUL -> out.add(new Romanization("ICU Hangul-Latin, Revised Romanization", script, hangul(name)));
            case HEBREW -> {
                out.add(new Romanization("Hebrew names", script, apply(HEBREW_NAMES, " " + name + " ").strip()));
                out.add(new Romanization("Hebrew, hard b k p", script, apply(HEBREW_HARD, " " + name + " ").strip()));
            }
            default -> out.add(new Romanization("ICU " + script.label() + "-Latin", script, apply(ANY_LATIN, name)));
        }
        return out;
    }

    /** The script of the first letter that is not Latin, or Latin when all are. */
    static Script scriptOf(String name) {
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            switch (UScript.getScript(cp)) {
                case UScript.LATIN, UScript.COMMON, UScript.INHERITED -> {
                    continue;
                }
                case UScript.CYRILLIC -> {
                    return Script.CYRILLIC;
                }
                case UScript.ARABIC -> {
                    return Script.ARABIC;
                }
                case UScript.GREEK -> {
                    return Script.GREEK;
                }
                case UScript.HAN -> {
                    return Script.HAN;
                }
                case UScript.HANGUL -> {
                    return Script.HANGUL;
                }
                case UScript.HEBREW -> {
                    return Script.HEBREW;
                }
                default -> {
                    return Script.OTHER;
                }
            }
        }
        return Script.LATIN;
    }

    /**
     * Pinyin comes one syllable a word (wáng wěi dōng), while a Chinese name is a one-syllable surname and a given
     * name written as one word (Wang Weidong).
     */
    private static String givenNameJoined(String pinyin) {
        String[] syllables = pinyin.strip().split("\\s+");
        if (syllables.length < 3) {
            return pinyin;
        }
        return syllables[0] + " " + String.join("", java.util.Arrays.copyOfRange(syllables, 1, syllables.length));
    }

    /**
     * A Korean name is written without spaces, surname first, in one syllable (two for a few, such as 남궁): the
     * surname and the given name are romanized apart, the given name as one word, as Latin spellings write them.
     */
    private static String hangul(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            int cut = word.length() >= 4 && TWO_SYLLABLE_SURNAMES.contains(word.substring(0, 2)) ? 2 : 1;
            String latin = word.length() >= 2 && word.length() <= 5
                    ? apply(HANGUL_LATIN, word.substring(0, cut)) + " " + apply(HANGUL_LATIN, word.substring(cut))
                    : apply(HANGUL_LATIN, word);
            out.append(out.length() == 0 ? "" : " ").append(latin.replace("-", ""));
        }
        return out.toString();
    }

    private static final java.util.Set<String> TWO_SYLLABLE_SURNAMES = java.util.Set.of("남궁", "황보", "제갈", "선우",
            "독고", "사공", "서문");

    /**
     * Arabic writes the article joined to the next word (البغدادي) and ends many names with a ta marbuta that Latin
     * spellings mostly drop; separating the one and dropping the other lets the consonants line up.
     */
    private static String arabicArticleApart(String name) {
        return name.replaceAll("(^|\\s)ال(?=\\p{L}{2})(?!له(\\s|$))", "$1ال ").replace("ة", "");
    }

    private static Transliterator rules(String file) {
        String path = "/org/vigil/screen/internal/" + file + ".txt";
        try (InputStream in = Romanizer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("transliteration rules missing from the jar: " + path);
            }
            String rules = ":: NFC;\n:: Lower;\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Transliterator.createFromRules(file, rules, Transliterator.FORWARD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ICU documents transliterators as not safe for concurrent use, so each call holds its own. */
    private static String apply(Transliterator t, String s) {
        synchronized (t) {
            return t.transliterate(s);
        }
    }
}
