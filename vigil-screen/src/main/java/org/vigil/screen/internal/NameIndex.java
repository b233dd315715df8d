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
 * Beider–Morse codes, its consonants, and its first and last three letters (so that one typo leaves a key).
 */
public final class NameIndex {

    /** A name form must share keys with this many of the query's parts (fewer when either name has fewer). */
    private static final int PARTS_TO_SHARE = 2;

    private final int[] formPerson;
    private final int[] formParts;
    private final Map<String, int[]> postings;
    private final ThreadLocal<int[]> scratch;

    private NameIndex(int[] formPerson, int[] formParts, Map<String, int[]> postings) {
        this.formPerson = formPerson;
        this.formParts = formParts;
        this.postings = postings;
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
                for (String t : f.tokens()) {
                    for (String k : keys(t)) {
                        List<Integer> list = building.computeIfAbsent(k, x -> new ArrayList<>(2));
                        if (list.isEmpty() || list.get(list.size() - 1) != form) {
                            list.add(form);
                        }
                    }
                }
            }
        }
        Map<String, int[]> postings = new HashMap<>(building.size() * 2);
        building.forEach((k, v) -> postings.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return new NameIndex(persons.stream().mapToInt(Integer::intValue).toArray(),
                parts.stream().mapToInt(Integer::intValue).toArray(), postings);
    }

    /** The persons worth comparing with any of the query's forms, by their number. */
    public BitSet candidates(List<NameForm> queryForms) {
        BitSet out = new BitSet();
        int[] mask = scratch.get();
        List<Integer> touched = new ArrayList<>();
        for (NameForm q : queryForms) {
            List<String> tokens = q.tokens();
            int n = Math.min(tokens.size(), 31);
            for (int i = 0; i < n; i++) {
                for (String k : keys(tokens.get(i))) {
                    int[] forms = postings.get(k);
                    if (forms == null) {
                        continue;
                    }
                    for (int f : forms) {
                        if (mask[f] == 0) {
                            touched.add(f);
                        }
                        mask[f] |= 1 << i;
                    }
                }
            }
            for (int f : touched) {
                int needed = Math.min(PARTS_TO_SHARE, Math.min(n, formParts[f]));
                if (Integer.bitCount(mask[f]) >= needed) {
                    out.set(formPerson[f]);
                }
                mask[f] = 0;
            }
            touched.clear();
        }
        return out;
    }

    /** The keys of a token and of each of its readings (as German or French transliteration, as it sounds). */
    static Set<String> keys(String token) {
        Set<String> keys = new LinkedHashSet<>();
        if (token.length() < 2) {
            return keys;
        }
        for (Readings.Reading r : Readings.of(token)) {
            addKeys(r.token(), keys);
        }
        addKeys(Edits.soundKey(token), keys);
        return keys;
    }

    private static void addKeys(String token, Set<String> keys) {
        keys.add("t" + token);
        String group = NameVariants.group(token);
        if (group != null) {
            keys.add("v" + group);
        }
        for (String code : Phonetics.keys(token)) {
            keys.add("p" + code);
        }
        String consonants = Phonetics.consonants(token);
        if (!consonants.isEmpty()) {
            keys.add("k" + consonants);
        }
        if (token.length() >= 4) {
            keys.add("a" + token.substring(0, 3));
        }
        if (token.length() >= 5) {
            keys.add("z" + token.substring(token.length() - 3));
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
