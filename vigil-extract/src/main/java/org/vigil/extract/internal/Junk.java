package org.vigil.extract.internal;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What looks like a name but names no person, organisation or place Vigil records: facilities ("Sokolniki
 * Park", "Harlow Tower"), substances by weight ("three kilograms of TNT"), numbered levels
 * ("Level 3"), function words that open a sentence ("Because Europol"), outlet names glued to a word by scraping
 * ("ReutersPolice"), and corporate suffixes that make one company two ("Microsoft Corp").
 */
final class Junk {

    /** Cities from this size are well known enough to be the place even where the model saw something else. */
    static final long WELL_KNOWN_CITY = 100_000;

    static final Set<String> LOCATIVES = Set.of("in", "at", "near", "outside", "from");

    static final Set<String> LEADING_WORDS = Set.of("because", "but", "and", "or", "when", "while", "if", "after",
            "before", "although", "though", "since", "as", "so", "then", "yet", "also", "meanwhile", "however");

    /** Last words of names of buildings, streets and other facilities: not places in Vigil's sense, nor organisations. */
    private static final Set<String> FACILITIES = Set.of("park", "tower", "towers", "street", "avenue", "road",
            "square", "stadium", "station", "airport", "bridge", "arena", "mosque", "church", "cathedral", "palace",
            "boulevard", "mall", "terminal");

    private static final Set<String> MEASURES = Set.of("kilograms", "kilogram", "kg", "kilos", "tons", "tonnes",
            "pounds", "lb", "lbs", "grams", "litres", "liters", "gallons");

    private static final Pattern CORPORATE_SUFFIX =
            Pattern.compile("(?:,?\\s+(?:Corp|Corporation|Inc|Incorporated|Ltd|Limited|plc|PLC|LLC|Co|AG|SA|NV)\\.?)$");

    private Junk() {
    }

    /** News outlets and wire services whose names scraped pages glue to the next word ("ReutersPolice", "AFPThe"). */
    private static final Pattern GLUED_OUTLET = Pattern.compile(
            "(?:Reuters|AP|AFP|Associated Press|BBC|CNN|Bloomberg|VOA|UPI|Xinhua|TASS|Interfax|RIA Novosti|dpa|EFE|ANSA)"
                    + "(?:News)?\\p{Lu}\\p{Ll}.*");

    /** An outlet's name glued to the word after it is a scraping artefact, never a name. */
    static boolean isGluedOutlet(Mention m) {
        return GLUED_OUTLET.matcher(m.sentence().token(m.from()).text()).matches();
    }

    static boolean isFacility(Mention m) {
        return m.size() >= 2 && FACILITIES.contains(m.sentence().token(m.to() - 1).lower());
    }

    /** "three kilograms of TNT": a name after "of" and a measure is a substance. */
    static boolean isMeasure(Mention m) {
        Sentence s = m.sentence();
        return m.from() >= 2 && s.token(m.from() - 1).is("of") && MEASURES.contains(s.token(m.from() - 2).lower());
    }

    /** "Level 3", "Phase 2": one capitalised word before a number names a step, not a thing. */
    static boolean isNumbered(Mention m) {
        Sentence s = m.sentence();
        return m.size() == 1 && m.to() < s.size() && s.token(m.to()).text().chars().allMatch(Character::isDigit)
                && m.kind() != Mention.Kind.DESIGNATED_GROUP && m.kind() != Mention.Kind.KNOWN;
    }

    /** The owner in "Acme Labs’ threat unit" (tokens before a possessive inside the name), or null. */
    static Mention possessiveOwner(Mention m, String text) {
        Sentence s = m.sentence();
        for (int i = m.from() + 1; i < m.to() - 1; i++) {
            if (s.token(i).isPossessive()) {
                return m.narrowed(m.from(), i, text);
            }
        }
        return null;
    }

    static boolean isListSeparator(Token t) {
        return t.text().equals(",") || t.is("and");
    }

    static String withoutCorporateSuffix(String name) {
        String stripped = CORPORATE_SUFFIX.matcher(name).replaceFirst("");
        return stripped.isBlank() ? name : stripped;
    }
}
