package org.vigil.extract.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The curated word lists under {@code org/vigil/extract/lexicon/}, lowercased, loaded once. */
public final class Lexicon {

    public static final Set<String> COMMON_WORDS = words("common-words");
    public static final Set<String> ROLE_NOUNS = words("role-nouns");
    public static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "sir", "gen", "sen", "rep", "gov",
            "lt", "col", "capt", "sgt", "prof", "rev", "special", "agent");
    public static final Set<String> ROLE_MODIFIERS = words("role-modifiers");
    public static final Set<String> SPEECH_VERBS = words("speech-verbs");
    public static final Set<String> GROUP_NOUNS = words("group-nouns");
    public static final Set<String> ARMED_NOUNS = words("armed-nouns");
    public static final Set<String> GROUP_ADJECTIVES = words("group-adjectives");
    public static final Set<String> GROUP_NAME_WORDS = words("group-name-words");
    public static final Set<String> RESPONSIBILITY_WORDS = words("responsibility-words");
    public static final Set<String> ORGANISATION_WORDS = words("organisation-words");
    public static final Set<String> EVENT_WORDS = words("event-words");
    public static final Set<String> ADJECTIVES = words("adjectives");
    public static final Set<String> SECURITY_WORDS = words("security-words");


    private Lexicon() {
    }

    public static boolean has(Set<String> list, String word) {
        return list.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The lines of a resource under org/vigil/extract/, without comments and blank lines. */
    public static List<String> lines(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream("/org/vigil/extract/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("resource org/vigil/extract/" + resource + " is missing from the jar");
            }
            List<String> out = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> words(String name) {
        Set<String> out = new HashSet<>();
        for (String line : lines("lexicon/" + name + ".txt")) {
            out.add(line.trim().toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }
}
