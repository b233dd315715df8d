package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the words around a name for signs that it names an armed group: a descriptor ("an Islamic militant
 * group", "militants"), a word inside the name ("Brigades"), or a claim on an attack ("X's plans for a
 * suicide attack", "X claimed the bombing", "a bombing carried out by X").
 */
public final class GroupCues {

    /** How sure the words around a name make it that the name is an armed group. */
    public enum Strength { NONE, WEAK, STRONG }

    private static final int MAX_ADJECTIVES = 4;
    private static final int MAX_CLAIM_GAP = 8;
    private static final int MAX_BY_GAP = 4;
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the");
    private static final Set<String> COPULAS = Set.of("is", "was", "are", "were");

    private GroupCues() {
    }

    /** STRONG when a descriptor or the name itself says armed group, WEAK when only a claimed attack does. */
    public static Strength strength(Mention m, List<Mention> attacks) {
        if (describedAfter(m) || describedBefore(m) || namedAsGroup(m)) {
            return Strength.STRONG;
        }
        return claimedAttacks(m, attacks).isEmpty() && !claimsResponsibility(m) ? Strength.NONE : Strength.WEAK;
    }

    /** "X claimed responsibility for ...", "X, which ..., has claimed responsibility": whatever the attack. */
    private static boolean claimsResponsibility(Mention m) {
        Sentence s = m.sentence();
        int from = afterApposition(s, m.to(), s.size());
        for (int i = from; i < s.size() - 1 && i - from <= 2; i++) {
            if (s.token(i).lower().startsWith("claim") && s.token(i + 1).is("responsibility")) {
                return true;
            }
        }
        return false;
    }

    /** The attacks of the mention's sentence that the text lays at the mention's door. */
    public static List<Mention> claimedAttacks(Mention m, List<Mention> attacks) {
        List<Mention> out = new ArrayList<>();
        for (Mention a : attacks) {
            if (a.sentence() != m.sentence()) {
                continue;
            }
            if (a.from() >= m.to() ? claimsForward(m, a) : a.to() <= m.from() && claimedBy(a, m)) {
                out.add(a);
            }
        }
        return out;
    }

    private static boolean claimsForward(Mention m, Mention a) {
        Sentence s = m.sentence();
        int from = afterApposition(s, m.to(), a.from());
        int gap = a.from() - from;
        if (gap > MAX_CLAIM_GAP) {
            return false;
        }
        // "blamed X for the bombing": the claim word may stand before the name
        boolean blamedBefore = m.from() > 0 && Lexicon.has(Lexicon.RESPONSIBILITY_WORDS, s.token(m.from() - 1).text());
        boolean cue = gap == 0 || s.token(from).isPossessive() || blamedBefore;
        for (int i = from; i < a.from(); i++) {
            Token t = s.token(i);
            // "an Islamic militant group that claimed...": the claimant is the unnamed group, not the name
            if (!t.tag().equals("O") || t.text().equals(";") || Lexicon.has(Lexicon.GROUP_NOUNS, t.text())) {
                return false;
            }
            cue |= Lexicon.has(Lexicon.RESPONSIBILITY_WORDS, t.text()) || Lexicon.has(Lexicon.ARMED_NOUNS, t.text());
        }
        return cue;
    }

    /** "X, an Islamic militant group that ..., claimed": the words after the apposition's closing comma. */
    private static int afterApposition(Sentence s, int i, int limit) {
        if (i >= limit || !s.token(i).text().equals(",")) {
            return i;
        }
        for (int j = i + 1; j < limit; j++) {
            if (s.token(j).text().equals(",")) {
                return j + 1;
            }
        }
        return i;
    }

    private static boolean claimedBy(Mention a, Mention m) {
        Sentence s = m.sentence();
        if (m.from() - a.to() > MAX_BY_GAP) {
            return false;
        }
        for (int i = a.to(); i < m.from(); i++) {
            if (s.token(i).is("by")) {
                return true;
            }
        }
        return false;
    }

    /** "X militants", "X, an Islamic militant group", "X is a terrorist organisation". */
    private static boolean describedAfter(Mention m) {
        Sentence s = m.sentence();
        int i = m.to();
        if (i < s.size() && Lexicon.has(Lexicon.ARMED_NOUNS, s.token(i).text())) {
            return true;
        }
        if (i < s.size() && (s.token(i).text().equals(",") || Lexicon.has(COPULAS, s.token(i).text()))) {
            return descriptorFrom(s, i + 1);
        }
        return false;
    }

    private static boolean descriptorFrom(Sentence s, int i) {
        if (i < s.size() && DETERMINERS.contains(s.token(i).lower())) {
            i++;
        }
        boolean violent = false;
        for (int n = 0; n <= MAX_ADJECTIVES && i < s.size(); n++, i++) {
            String w = s.token(i).text();
            if (Lexicon.has(Lexicon.ARMED_NOUNS, w)) {
                return true;
            }
            if (Lexicon.has(Lexicon.GROUP_NOUNS, w)) {
                return violent;
            }
            violent |= Lexicon.has(Lexicon.GROUP_ADJECTIVES, w);
            if (w.equals(",") || !s.token(i).tag().equals("O") && !s.token(i).tag().equals("MISC")) {
                return false;
            }
        }
        return false;
    }

    /** "the militant group X", "terror group X", "Islamist militants X". */
    private static boolean describedBefore(Mention m) {
        Sentence s = m.sentence();
        int i = m.from() - 1;
        if (i < 0) {
            return false;
        }
        String noun = s.token(i).text();
        if (Lexicon.has(Lexicon.ARMED_NOUNS, noun)) {
            return true;
        }
        if (!Lexicon.has(Lexicon.GROUP_NOUNS, noun)) {
            return false;
        }
        for (int j = i - 1; j >= 0 && j >= i - MAX_ADJECTIVES; j--) {
            if (Lexicon.has(Lexicon.GROUP_ADJECTIVES, s.token(j).text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean namedAsGroup(Mention m) {
        for (int i = m.from(); i < m.to(); i++) {
            Token t = m.sentence().token(i);
            if (t.isCapitalized() && Lexicon.has(Lexicon.GROUP_NAME_WORDS, t.text())) {
                return true;
            }
        }
        return false;
    }
}
