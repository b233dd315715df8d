package org.vigil.screen.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocking keys over every listed name form, so that a screened name is compared only with the persons who share
 * keys with enough of its parts, never with the whole list. A token's keys are the token, its variant group, its
 * consonants, and its first and last three letters (so that one typo leaves a key), for the token and for each of
 * its readings. Beider–Morse codes are left out: computing them for every listed token costs more than the whole
 * screening, and two tokens that sound alike and score as alike are at most two edits apart, so they share one of
 * these keys anyway.
 */
public final class NameIndex {

    /** A name form must share keys with this many of the query's parts (fewer when either name has fewer). */
    private static final int PARTS_TO_SHARE = 2;
    /** A key is common when more than one name form in this many holds it, and at least this floor. */
    private static final int COMMON_SHARE = 50;
    private static final int COMMON_FLOOR = 1_000;
    /** The longest word taken for a syllable of a name written in syllables (Chinese, Korean). */
    private static final int SYLLABLE = 4;

    private final int[] formPerson;
    private final int[] formParts;
    private final Map<String, int[]> postings;
    private final ThreadLocal<int[]> scratch;
    /** Postings longer than this belong to keys too common to select anything. */
    private final int common;

    private NameIndex(int[] formPerson, int[] formParts, Map<String, int[]> postings) {
        this.formPerson = formPerson;
        this.formParts = formParts;
        this.postings = postings;
        this.common = Math.max(COMMON_FLOOR, formPerson.length / COMMON_SHARE);
        this.scratch = ThreadLocal.withInitial(() -> new int[formPerson.length]);
    }

    /** Indexes each person's forms; persons are numbered by their place in {@code formsByPerson}. */
    public static NameIndex of(List<List<NameForm>> formsByPerson) {
        Map<String, List<Integer>> building = new HashMap<>();
        List<Integer> persons = new ArrayList<>();
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < formsByPerson.size(); p++) {
            for (NameForm f : formsByPerson.get(p)) {
                int form = persons.size();
                persons.add(p);
                parts.add(f.tokens().size());
                Set<String> formKeys = new LinkedHashSet<>();
                for (String t : f.tokens()) {
                    formKeys.addAll(keys(t));
                    if (f.syllabic()) {
                        formKeys.add("e" + EastAsian.key(t));
                    }
                }
                formKeys.addAll(joinedKeys(f.tokens()));
                for (String k : formKeys) {
                    building.computeIfAbsent(k, x -> new ArrayList<>(2)).add(form);
                }
            }
        }
        Map<String, int[]> postings = new HashMap<>(building.size() * 2);
        building.forEach((k, v) -> postings.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return new NameIndex(persons.stream().mapToInt(Integer::intValue).toArray(),
                parts.stream().mapToInt(Integer::intValue).toArray(), postings);
    }

    /**
     * The persons worth comparing with any of the query's forms, by their number. A key shared by very many names
     * (a common given name) selects nothing: a query part whose keys are all that common is left to the comparison,
     * and the other parts must then match, so that "Mohammed X" is compared with the Xs, not with every Mohammed.
     */
    public BitSet candidates(List<NameForm> queryForms) {
        BitSet out = new BitSet();
        int[] mask = scratch.get();
        int[] touched = new int[64];
        for (NameForm q : queryForms) {
            List<String> tokens = q.tokens();
            int n = Math.min(tokens.size(), 15);
            List<List<int[]>> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Set<String> keys = keys(tokens.get(i));
                if (q.syllabic()) {
                    keys.add("e" + EastAsian.key(tokens.get(i)));
                }
                parts.add(postingsOf(keys));
            }
            for (int i = 0; i + 1 < n; i++) {
                parts.add(postingsOf(joinedKeys(tokens.subList(i, i + 2))));
            }
            int selective = 0;
            for (int i = 0; i < n; i++) {
                selective += parts.get(i).stream().anyMatch(p -> p.length <= common) ? 1 : 0;
            }
            int touchedCount = 0;
            for (int i = 0; i < parts.size(); i++) {
                for (int[] forms : parts.get(i)) {
                    if (selective > 0 && forms.length > common) {
                        continue;
                    }
                    for (int f : forms) {
                        if (mask[f] == 0) {
                            if (touchedCount == touched.length) {
                                touched = java.util.Arrays.copyOf(touched, touched.length * 2);
                            }
                            touched[touchedCount++] = f;
                        }
                        mask[f] |= 1 << i;
                    }
                }
            }
            int usable = selective > 0 ? selective : n;
            for (int t = 0; t < touchedCount; t++) {
                int f = touched[t];
                int needed = Math.min(PARTS_TO_SHARE, Math.min(usable, formParts[f]));
                if (Integer.bitCount(mask[f]) >= needed) {
                    out.set(formPerson[f]);
                }
                mask[f] = 0;
            }
        }
        return out;
    }

    private List<int[]> postingsOf(Set<String> keys) {
        List<int[]> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            int[] forms = postings.get(k);
            if (forms != null) {
                out.add(forms);
            }
        }
        return out;
    }

    /**
     * Two neighbouring parts written as one (Jin Ping, Jinping; Abdul Rahman, Abdulrahman) are indexed as one token
     * too, so that names that split into words differently still share keys.
     */
    private static Set<String> joinedKeys(List<String> tokens) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            // The first and last letters of two joined words are those of any two words, so they select nothing,
            // except for syllables (Xi Jin Ping), which are short and are what gets written joined.
            Set<String> all = new LinkedHashSet<>();
            addKeys(tokens.get(i) + tokens.get(i + 1), all);
            if (tokens.get(i).length() > SYLLABLE || tokens.get(i + 1).length() > SYLLABLE) {
                all.removeIf(k -> k.startsWith("a"));
            }
            out.addAll(all);
        }
        return out;
    }

    /** The keys of a token and of each of its readings (as German or French transliteration, as it sounds). */
    static Set<String> keys(String token) {
        Set<String> keys = new LinkedHashSet<>();
        if (token.length() < 2) {
            return keys;
        }
        addKeys(token, keys);
        for (Readings.Reading r : Readings.of(token)) {
            addKeys(r.token(), keys);
        }
        keys.add("t" + Edits.soundKey(token));
        return keys;
    }

    private static void addKeys(String token, Set<String> keys) {
        keys.add("t" + token);
        String group = NameVariants.group(token);
        if (group != null) {
            keys.add("v" + group);
        }
        String consonants = Phonetics.consonants(token);
        if (consonants.length() >= 3) {
            keys.add("k" + consonants);
            keys.add("c" + consonants.replace('z', 's').replace('w', 'v').replace('c', 'k'));
        } else if (!consonants.isEmpty()) {
            keys.add("K" + consonants);
        }
        if (consonants.length() >= 4) {
            char[] sorted = consonants.toCharArray();
            java.util.Arrays.sort(sorted);
            keys.add("s" + new String(sorted));
        }
        if (token.length() >= 5) {
            keys.add("a" + token.substring(0, 3) + "/" + token.substring(token.length() - 2));
        }
    }

    /** How many name forms the index holds. */
    public int forms() {
        return formPerson.length;
    }

    @Override
    public String toString() {
        return "NameIndex[" + forms() + " forms, " + postings.size() + " keys, largest posting "
                + postings.values().stream().mapToInt(a -> a.length).max().orElse(0) + "]";
    }
}
