package org.vigil.screen.internal;

import java.util.List;

/**
 * One way of writing a name, ready to compare: its romanization folded to lower-case ASCII and cut into tokens,
 * without particles (al-, bin, van, de…), which spellings add and drop at will.
 *
 * @param original the name as given
 * @param scheme how it was romanized, or empty for a name already in Latin letters
 * @param script the script it was written in
 * @param tokens the name's parts, in order
 * @param vowelsVary whether the name comes from a script that leaves vowels out (Arabic, Hebrew), so that
 *        spellings differ in vowels without being other names
 * @param syllabic whether the name is Chinese or Korean (by script, or by its surname), so that its parts are
 *        syllables that pinyin, Wade–Giles, McCune–Reischauer and Revised Romanization write differently
 */
public record NameForm(String original, String scheme, Romanizer.Script script, List<String> tokens,
                       boolean vowelsVary, boolean syllabic) {

    public NameForm {
        tokens = List.copyOf(tokens);
    }

    /** Whether the name was transliterated, so a reason should say from what and how. */
    public boolean transliterated() {
        return !scheme.isEmpty();
    }

    /** The tokens joined by spaces. */
    public String text() {
        return String.join(" ", tokens);
    }
}
