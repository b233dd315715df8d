package org.vigil.screen.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Spellings of one given name (Mohammed, Muhammad, Mohamed) that no string distance sees as close enough. */
public final class NameVariants {

    private static final Map<String, String> GROUP = load();

    private NameVariants() {
    }

    /** The group a token belongs to (its first spelling in the table), or null when it is in none. */
    public static String group(String token) {
        return GROUP.get(token);
    }

    public static boolean same(String a, String b) {
        String g = GROUP.get(a);
        return g != null && g.equals(GROUP.get(b));
    }

    private static Map<String, String> load() {
        String path = "/org/vigil/screen/internal/name-variants.txt";
        Map<String, String> out = new HashMap<>();
        try (InputStream in = NameVariants.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("name variant table missing from the jar: " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] spellings = line.split("\\s+");
                for (String s : spellings) {
                    out.putIfAbsent(s, spellings[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
