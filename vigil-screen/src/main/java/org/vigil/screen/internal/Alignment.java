package org.vigil.screen.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two names lined up part by part, in whatever order each writes them: each part of one is paired with the most
 * alike free part of the other, best pairs first. Parts only one name has (a patronymic, a middle name) cost a
 * little; a part of the shorter name that finds no partner costs a lot, since it says the names differ.
 *
 * @param score from 0 to 1
 * @param pairs the parts paired, query part first
 * @param unpairedQuery parts of the query that found no partner
 * @param unpairedListed parts of the listed name that found no partner
 * @param swapped whether the paired parts come in another order in the two names
 * @param joined whether the names matched only once written without spaces (Jinping, Jin Ping)
 */
public record Alignment(double score, List<Pair> pairs, List<String> unpairedQuery, List<String> unpairedListed,
                        boolean swapped, boolean joined) {

    /** One part of the query and the listed part it was paired with. */
    public record Pair(String query, String listed, TokenMatch match) {
    }

    /** What a part present in only one name costs, when the other's parts all found partners. */
    static final double EXTRA_PART = 0.98;
    /**
     * What it costs more when the longer name's first part is the one missing: the given name, not a middle name
     * or patronymic, so possibly a relative (Ali Hassan Salameh, Hassan Salameh).
     */
    static final double EXTRA_FIRST_PART = 0.9;
    /** How far above its weakest paired part a name may score. */
    static final double WEAKEST_MARGIN = 0.0;
    /** What each extra part costs when one name is a single word: a lone surname says little. */
    static final double EXTRA_PART_AFTER_ONE = 0.85;

    public static Alignment of(List<String> query, List<String> listed, boolean abjad, boolean vowelsVary,
                               boolean syllabic) {
        int n = query.size();
        int m = listed.size();
        List<int[]> candidates = new ArrayList<>();
        TokenMatch[][] sims = new TokenMatch[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                sims[i][j] = TokenMatch.of(query.get(i), listed.get(j), abjad, vowelsVary, syllabic);
                if (sims[i][j].kind() != TokenMatch.Kind.NONE) {
                    candidates.add(new int[] {i, j});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((int[] c) -> -sims[c[0]][c[1]].score())
                .thenComparingInt(c -> Math.abs(c[0] - c[1])));
        boolean[] usedQ = new boolean[n];
        boolean[] usedL = new boolean[m];
        int[] partner = new int[n];
        java.util.Arrays.fill(partner, -1);
        for (int[] c : candidates) {
            if (!usedQ[c[0]] && !usedL[c[1]]) {
                usedQ[c[0]] = true;
                usedL[c[1]] = true;
                partner[c[0]] = c[1];
            }
        }
        return score(query, listed, sims, partner, usedL);
    }

    private static Alignment score(List<String> query, List<String> listed, TokenMatch[][] sims, int[] partner,
                                   boolean[] usedL) {
        int n = query.size();
        int m = listed.size();
        List<Pair> pairs = new ArrayList<>();
        List<String> loneQ = new ArrayList<>();
        List<String> loneL = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        int lastListed = -1;
        double weakest = 1.0;
        int full = 0;
        boolean swapped = false;
        for (int i = 0; i < n; i++) {
            String q = query.get(i);
            if (partner[i] < 0) {
                loneQ.add(q);
                continue;
            }
            String l = listed.get(partner[i]);
            TokenMatch t = sims[i][partner[i]];
            double w = weight(q, l);
            weighted += t.score() * w;
            if (t.kind() != TokenMatch.Kind.INITIAL) {
                weakest = Math.min(weakest, t.score());
                full++;
            }
            weights += w;
            pairs.add(new Pair(q, l, t));
            swapped |= partner[i] < lastListed;
            lastListed = partner[i];
        }
        for (int j = 0; j < m; j++) {
            if (!usedL[j]) {
                loneL.add(listed.get(j));
            }
        }
        // Parts of the shorter name left alone count as failed pairs; the longer name's extra parts are
        // patronymics, middle names or further surnames, which many records leave out.
        List<String> shortLone = n <= m ? loneQ : loneL;
        List<String> longLone = n <= m ? loneL : loneQ;
        boolean firstUnpaired = n <= m ? !usedL[0] : partner[0] < 0;
        for (String t : shortLone) {
            weights += weight(t, t);
        }
        double score = weights == 0 ? 0 : weighted / weights;
        // One doubtful part is enough to doubt the name: sure parts do not average it away.
        score = Math.min(score, weakest + WEAKEST_MARGIN);
        if (!shortLone.isEmpty()) {
            score = Math.min(score, 0.5);
        }
        int extra = longLone.size() - shortLone.size();
        if (extra > 0) {
            // Long filiation chains (bin Muhammad bin Awad) are common; past two, more parts say little more.
            score *= Math.pow(Math.min(n, m) == 1 ? EXTRA_PART_AFTER_ONE : EXTRA_PART, Math.min(extra, 2));
            if (firstUnpaired) {
                score *= EXTRA_FIRST_PART;
            }
        }
        // An initial confirms a name but cannot make one: two parts must agree in full.
        if (full < Math.min(2, Math.min(n, m))) {
            score *= 0.5;
        }
        return new Alignment(score, pairs, loneQ, loneL, swapped, false);
    }

    /** Longer parts say more about who someone is than short ones; a floor keeps initials from counting for nothing. */
    private static double weight(String a, String b) {
        return Math.max(3.0, (a.length() + b.length()) / 2.0);
    }

    /**
     * The names compared written without spaces, for names that split into syllables differently (Xi Jinping,
     * Xi Jin Ping; Abdulrahman, Abdul Rahman). Only worth a look when the part counts differ.
     */
    public static Alignment joined(List<String> query, List<String> listed, boolean abjad) {
        String q = String.join("", query);
        String l = String.join("", listed);
        double s = JaroWinkler.similarity(q, l);
        if (listed.size() == 2) {
            s = Math.max(s, JaroWinkler.similarity(q, listed.get(1) + listed.get(0)));
        }
        if (abjad && s < 0.93 && Phonetics.consonants(q).length() >= 3
                && Phonetics.consonants(q).equals(Phonetics.consonants(l))) {
            s = 0.93;
        }
        double score = s >= 0.93 ? s * 0.97 : 0;
        return new Alignment(score, List.of(), List.of(), List.of(), false, true);
    }
}
