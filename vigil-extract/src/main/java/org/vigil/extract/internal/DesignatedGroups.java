package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The designated terrorist groups of {@code designated-groups.tsv} (from the US FTO list, the UN ISIL and
 * Al-Qaida list and the UK proscribed list), with their aliases and spellings: found in text by exact capitals
 * (a capital at the start of a sentence is allowed), and each name or alias mapped to the group's one name.
 */
public final class DesignatedGroups {

    /** One designated group found in the text at [start, end), under its table name. */
    public record Match(int start, int end, String name) {
    }

    private static final DesignatedGroups STANDARD = load();

    private final Map<String, String> byKey;
    private final AhoCorasick<String[]> matcher;

    private DesignatedGroups(Map<String, String> byKey, AhoCorasick<String[]> matcher) {
        this.byKey = byKey;
        this.matcher = matcher;
    }

    public static DesignatedGroups standard() {
        return STANDARD;
    }

    private static DesignatedGroups load() {
        Map<String, String> byKey = new HashMap<>();
        Map<String, List<String[]>> phrases = new HashMap<>();
        for (String line : Lexicon.lines("designated-groups.tsv")) {
            String[] f = line.split("\t", -1);
            List<String> names = new ArrayList<>(List.of(f[0]));
            if (f.length > 1 && !f[1].isBlank()) {
                names.addAll(List.of(f[1].split("\\|")));
            }
            for (String n : names) {
                byKey.putIfAbsent(Names.key(n), f[0]);
                phrases.computeIfAbsent(n, k -> new ArrayList<>()).add(new String[] {n, f[0]});
            }
        }
        return new DesignatedGroups(Map.copyOf(byKey), AhoCorasick.of(phrases));
    }

    /** The table name of the group this name or alias stands for, or null when it is none of them. */
    public String canonical(String name) {
        return byKey.get(Names.key(name));
    }

    /** Every designated group named in the text, longest names first where they overlap. */
    public List<Match> find(String text) {
        List<Match> out = new ArrayList<>();
        for (AhoCorasick.Hit<String[]> hit : matcher.findLongest(text)) {
            String surface = text.substring(hit.start(), hit.end());
            for (String[] v : hit.values()) {
                if (surface.equals(v[0]) || surface.equals(capitalised(v[0]))) {
                    out.add(new Match(hit.start(), hit.end(), v[1]));
                    break;
                }
            }
        }
        return out;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
