package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Vigil's curated kinds of attack (attack-patterns.tsv) and the phrases news text uses for each. */
public final class AttackVocabulary {

    /** One kind of attack. */
    public record Entry(String name, String description) {
    }

    private static final AttackVocabulary STANDARD = load();

    private final AhoCorasick<Entry> matcher;

    private AttackVocabulary(AhoCorasick<Entry> matcher) {
        this.matcher = matcher;
    }

    public static AttackVocabulary standard() {
        return STANDARD;
    }

    /** Occurrences of attack phrases in {@code text}, longest first where they overlap. */
    public List<AhoCorasick.Hit<Entry>> find(String text) {
        return matcher.findLongest(text);
    }

    private static AttackVocabulary load() {
        Map<String, List<Entry>> phrases = new HashMap<>();
        for (String line : Lexicon.lines("attack-patterns.tsv")) {
            String[] c = line.split("\t");
            Entry entry = new Entry(c[0], c[1]);
            for (String phrase : c[2].split("\\|")) {
                phrases.computeIfAbsent(phrase.trim(), k -> new ArrayList<>()).add(entry);
            }
        }
        return new AttackVocabulary(AhoCorasick.of(phrases));
    }
}
