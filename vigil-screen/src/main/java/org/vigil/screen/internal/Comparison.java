package org.vigil.screen.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The closest any form of a screened name comes to any form of a listed person's names, and why, in words.
 *
 * @param score from 0 to 1, before dates of birth and nationalities are weighed
 * @param query the form of the screened name
 * @param listed the form of the listed name
 * @param alignment how their parts lined up
 */
public record Comparison(double score, NameForm query, NameForm listed, Alignment alignment) {

    /** The best pairing of the query's forms with the listed forms, or null when there are none. */
    public static Comparison best(List<NameForm> queryForms, List<NameForm> listedForms) {
        Comparison best = null;
        for (NameForm q : queryForms) {
            for (NameForm l : listedForms) {
                boolean abjad = q.script().abjad() || l.script().abjad();
                boolean vowelsVary = q.vowelsVary() || l.vowelsVary();
                boolean syllabic = q.syllabic() || l.syllabic();
                Alignment a = Alignment.of(q.tokens(), l.tokens(), abjad, vowelsVary, syllabic);
                if (q.tokens().size() != l.tokens().size()) {
                    Alignment joined = Alignment.joined(q.tokens(), l.tokens(), abjad);
                    a = joined.score() > a.score() ? joined : a;
                }
                if (best == null || a.score() > best.score
                        || (a.score() == best.score && !l.transliterated() && best.listed.transliterated())) {
                    best = new Comparison(a.score(), q, l, a);
                }
            }
        }
        return best;
    }

    /** The reason an analyst reads: what was transliterated how, and how each part compared. */
    public List<String> reasons() {
        List<String> out = new ArrayList<>();
        if (query.transliterated()) {
            out.add(query.script().label() + " " + query.original() + " → " + title(query.text()) + " (" + query.scheme() + ")");
        }
        if (listed.transliterated()) {
            out.add("listed as " + listed.script().label() + " " + listed.original() + " → " + title(listed.text())
                    + " (" + listed.scheme() + ")");
        }
        if (alignment.joined()) {
            out.add(title(query.text()) + " ~ " + title(listed.text()) + ", written together");
            return out;
        }
        for (Alignment.Pair p : alignment.pairs()) {
            out.add(describe(p));
        }
        if (alignment.swapped()) {
            out.add("order swapped");
        }
        for (String t : alignment.unpairedListed()) {
            out.add(title(t) + " only in the listed name");
        }
        for (String t : alignment.unpairedQuery()) {
            out.add(title(t) + " only in the screened name");
        }
        return out;
    }

    private static String describe(Alignment.Pair p) {
        String q = title(p.query());
        String l = title(p.listed());
        String how = p.match().convention().isEmpty() ? "" : ", " + p.match().convention();
        return describeKind(p, q, l) + how;
    }

    private static String describeKind(Alignment.Pair p, String q, String l) {
        return switch (p.match().kind()) {
            case EXACT -> q + " = " + l;
            case VARIANT -> q + " ~ " + l + ", name variant";
            case PHONETIC -> q + " ~ " + l + ", phonetic";
            case CONSONANTS -> q + " ~ " + l + ", same consonants";
            case INITIAL -> q + " ~ " + l + ", initial";
            case SPELLING -> String.format(Locale.ROOT, "%s ~ %s, spelling %.2f", q, l, p.match().score());
            case NONE -> q + " ≠ " + l;
        };
    }

    static String title(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ';
        }
        return out.toString();
    }
}
