package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.vigil.stix.StixObject;

/**
 * Names and aliases of objects the caller already has (intrusion sets, threat actors, identities, malware,
 * tools, locations, campaigns), found in text with whole-word and case rules so that a common word never
 * matches: a name with capitals matches only with the same capitals, and a one-word name that is a common
 * English word, is short and lowercase, or opens a sentence (where any word is capitalised) matches only
 * where the NER model saw a name too.
 */
public final class KnownEntities {

    public static final Set<String> TYPES =
            Set.of("intrusion-set", "threat-actor", "identity", "malware", "tool", "location", "campaign");

    /** One known object found in the text at [start, end). */
    public record Match(int start, int end, StixObject object) {
    }

    private record Name(String phrase, StixObject object) {
    }

    private static final KnownEntities NONE = new KnownEntities(null);

    private final AhoCorasick<Name> matcher;

    private KnownEntities(AhoCorasick<Name> matcher) {
        this.matcher = matcher;
    }

    public static KnownEntities none() {
        return NONE;
    }

    public static KnownEntities of(Iterable<StixObject> objects) {
        Map<String, List<Name>> phrases = new HashMap<>();
        for (StixObject o : objects) {
            if (!TYPES.contains(o.type())) {
                continue;
            }
            List<String> names = new ArrayList<>(o.texts("aliases"));
            if (o.text("name") != null) {
                names.add(0, o.text("name"));
            }
            for (String n : names) {
                String phrase = Names.squash(n);
                if (phrase.length() >= 2) {
                    phrases.computeIfAbsent(phrase, k -> new ArrayList<>()).add(new Name(phrase, o));
                }
            }
        }
        return phrases.isEmpty() ? NONE : new KnownEntities(AhoCorasick.of(phrases));
    }

    /**
     * Known objects named in {@code text}; {@code nerName} says whether the model tagged a span as a name and
     * {@code sentenceInitial} whether a span opens a sentence.
     */
    public List<Match> find(String text, Predicate<Span> nerName, Predicate<Span> sentenceInitial) {
        if (matcher == null) {
            return List.of();
        }
        List<Match> out = new ArrayList<>();
        for (AhoCorasick.Hit<Name> hit : matcher.findLongest(text)) {
            String surface = text.substring(hit.start(), hit.end());
            Span span = new Span(hit.start(), hit.end());
            for (Name n : hit.values()) {
                if (accepts(n.phrase(), surface, () -> nerName.test(span), sentenceInitial.test(span))) {
                    out.add(new Match(hit.start(), hit.end(), n.object()));
                    break;
                }
            }
        }
        return out;
    }

    static boolean accepts(String phrase, String surface, BooleanSupplier nerName, boolean sentenceInitial) {
        boolean hasCapitals = !phrase.equals(phrase.toLowerCase(Locale.ROOT));
        if (hasCapitals && !surface.equals(phrase)) {
            return false;
        }
        boolean oneWord = !phrase.contains(" ");
        boolean doubtful = oneWord && (Lexicon.has(Lexicon.COMMON_WORDS, phrase) || sentenceInitial
                || (!hasCapitals && phrase.length() < 4));
        return !doubtful || nerName.getAsBoolean();
    }
}
