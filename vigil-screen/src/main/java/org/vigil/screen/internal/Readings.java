package org.vigil.screen.internal;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Latin name token read as if it had been transliterated by the German or the French convention, rewritten in
 * the English (BGN/PCGN) one: Schewtschenko and Chevtchenko both read as Shevchenko; and as if written by the
 * Ukrainian or Polish convention, read back into the Russian one (Ihor as Igor, Tkaczenko as Tkachenko,
 * Kolomoyskyi as Kolomoiski). A token written by another
 * convention reads as nonsense, which costs nothing, since the token itself is always compared too.
 */
public final class Readings {

    /** A token as one convention would read it. */
    public record Reading(String token, String convention) {

        /** Whether this is the Ukrainian or Polish reading, which means nothing for a name from Arabic or Hebrew. */
        public boolean slavic() {
            return convention.equals(SLAVIC_READING);
        }
    }

    private static final String SLAVIC_READING = "Ukrainian or Polish spelling";

    private static final Transliterator GERMAN = rules("latin-german");
    private static final Transliterator FRENCH = rules("latin-french");
    private static final Transliterator PLAIN = rules("latin-plain");
    private static final Transliterator SLAVIC = rules("latin-slavic");
    private static final int CACHE_LIMIT = 500_000;
    private static final ConcurrentHashMap<String, List<Reading>> CACHE = new ConcurrentHashMap<>();

    private Readings() {
    }

    /** The token itself (convention empty), then each distinct other reading of it. */
    public static List<Reading> of(String token) {
        List<Reading> r = CACHE.get(token);
        if (r == null) {
            r = compute(token);
            if (CACHE.size() > CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(token, r);
        }
        return r;
    }

    private static List<Reading> compute(String token) {
        List<Reading> out = new ArrayList<>(3);
        out.add(new Reading(token, ""));
        add(out, apply(GERMAN, token), "German spelling");
        add(out, apply(FRENCH, token), "French spelling");
        add(out, apply(PLAIN, token), "simplified spelling");
        add(out, apply(SLAVIC, token), SLAVIC_READING);
        return List.copyOf(out);
    }

    private static void add(List<Reading> out, String token, String convention) {
        for (Reading r : out) {
            if (r.token().equals(token)) {
                return;
            }
        }
        out.add(new Reading(token, convention));
    }

    private static String apply(Transliterator t, String s) {
        synchronized (t) {
            return t.transliterate(s);
        }
    }

    private static Transliterator rules(String file) {
        String path = "/org/vigil/screen/internal/" + file + ".txt";
        try (InputStream in = Readings.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("spelling rules missing from the jar: " + path);
            }
            return Transliterator.createFromRules(file, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Transliterator.FORWARD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
