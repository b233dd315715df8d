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

    private static final java.util.Set<String> ARABIC = new java.util.HashSet<>();
    private static final Map<String, String> GROUP = load();

    private NameVariants() {
    }

    /** The group a token belongs to (its first spelling in the table), or null when it is in none. */
    public static String group(String token) {
        return GROUP.get(token);
    }

    /** Whether a token is a spelling of an Arabic name in the table. */
    public static boolean arabic(String token) {
        return ARABIC.contains(token);
    }

    public static boolean same(String a, String b) {
        String g = GROUP.get(a);
        return g != null && g.equals(GROUP.get(b));
    }

    /** Whether {@code b} is one slip (a typo) away from a listed spelling of {@code a}'s name. */
    public static boolean slipFromVariant(String a, String b) {
        String g = GROUP.get(a);
        if (g == null || b.length() < 4) {
            return false;
        }
        for (String spelling : MEMBERS.getOrDefault(g, java.util.List.of())) {
            if (Math.abs(spelling.length() - b.length()) <= 1 && Edits.distance(spelling, b) == 1
                    && Edits.singleEdit(spelling, b) == Edits.Kind.SLIP) {
                return true;
            }
        }
        return false;
    }

    private static final Map<String, java.util.List<String>> MEMBERS = members();

    private static Map<String, java.util.List<String>> members() {
        Map<String, java.util.List<String>> out = new HashMap<>();
        GROUP.forEach((spelling, group) -> out.computeIfAbsent(group, g -> new java.util.ArrayList<>()).add(spelling));
        return Map.copyOf(out);
    }

    private static Map<String, String> load() {
        String path = "/org/vigil/screen/internal/name-variants.txt";
        Map<String, String> out = new HashMap<>();
        try (InputStream in = NameVariants.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("name variant table missing from the jar: " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean arabic = false;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    arabic = line.equals("[arabic]");
                    continue;
                }
                String[] spellings = line.split("\\s+");
                for (String s : spellings) {
                    out.putIfAbsent(s, spellings[0]);
                    if (arabic) {
                        ARABIC.add(s);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
