package org.vigil.extract.internal;

import java.util.Set;

/**
 * Finds the title or role the text gives a person: before the name ("White House spokesman Jay Carney",
 * "Russian President Vladimir Putin") or in an apposition after it ("James Goldgeier, dean of ...,").
 */
final class Roles {

    /** A role and the tokens [from, to) of the person's sentence that state it. */
    record Found(String role, int from, int to) {
    }

    private static final int MAX_APPOSITION = 16;
    private static final int MAX_HEAD_OFFSET = 4;
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the");

    private Roles() {
    }

    /** The title right before the name, or null. */
    static Found before(Mention person, String text) {
        Sentence s = person.sentence();
        int i = person.from() - 1;
        if (i < 0 || !Lexicon.has(Lexicon.ROLE_NOUNS, s.token(i).text())) {
            return null;
        }
        int j = i - 1;
        while (j >= 0 && belongsToTitle(s.token(j))) {
            j--;
        }
        return found(s, j + 1, i + 1, text);
    }

    private static boolean belongsToTitle(Token t) {
        if (t.tag().equals("PERSON")) {
            return false;
        }
        return Lexicon.has(Lexicon.ROLE_NOUNS, t.text()) || Lexicon.has(Lexicon.ROLE_MODIFIERS, t.text())
                || t.isCapitalized() && !t.tag().equals("O");
    }

    /** The apposition after the name when it is headed by a role noun, or null. */
    static Found after(Mention person, String text) {
        Sentence s = person.sentence();
        int i = person.to();
        if (i + 1 >= s.size() || !s.token(i).text().equals(",")) {
            return null;
        }
        int start = i + 1;
        int head = start + (DETERMINERS.contains(s.token(start).lower()) ? 1 : 0);
        int k = head;
        while (k < s.size() && k - head < MAX_HEAD_OFFSET && !Lexicon.has(Lexicon.ROLE_NOUNS, s.token(k).text())) {
            if (!s.token(k).text().chars().allMatch(Character::isLetter)) {
                return null;
            }
            k++;
        }
        if (k >= s.size() || !Lexicon.has(Lexicon.ROLE_NOUNS, s.token(k).text())) {
            return null;
        }
        int last = s.size() - 1;
        int end = k + 1;
        while (end < last && end - start < MAX_APPOSITION && !s.token(end).text().equals(",")) {
            end++;
        }
        boolean closed = s.token(end).text().equals(",") || end == last && s.token(last).text().equals(".");
        return closed ? found(s, head, end, text) : null;
    }

    private static Found found(Sentence s, int from, int to, String text) {
        if (from >= to) {
            return null;
        }
        return new Found(text.substring(s.token(from).start(), s.token(to - 1).end()), from, to);
    }
}
