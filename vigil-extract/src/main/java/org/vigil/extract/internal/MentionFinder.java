package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vigil.extract.Gazetteer;
import org.vigil.extract.Place;

/**
 * Gathers every mention in an article: the NER model's names, known entities, names from the regions table
 * and attack phrases. Where a list match and a model name overlap, the longer wins ("Caucasus Emirate" over
 * the region "Caucasus"); a list match wins a tie.
 */
public final class MentionFinder {

    private final String text;
    private final List<Sentence> sentences;
    private final List<Mention> names;

    private MentionFinder(String text, List<Sentence> sentences) {
        this.text = text;
        this.sentences = sentences;
        this.names = nerMentions();
    }

    public static List<Mention> find(String text, List<Sentence> sentences, KnownEntities known, Gazetteer gazetteer) {
        MentionFinder f = new MentionFinder(text, sentences);
        List<Mention> out = new ArrayList<>(f.names);
        f.knownMentions(known).forEach(m -> f.prefer(out, m));
        f.regionMentions(gazetteer).forEach(m -> f.prefer(out, m));
        out.addAll(f.attackMentions());
        out.sort(Comparator.comparingInt(Mention::start).thenComparingInt(m -> -m.end()));
        return out;
    }

    private List<Mention> nerMentions() {
        List<Mention> out = new ArrayList<>();
        for (Sentence s : sentences) {
            int i = 0;
            while (i < s.size()) {
                String tag = s.token(i).tag();
                int j = i + 1;
                while (j < s.size() && s.token(j).tag().equals(tag)) {
                    j++;
                }
                Mention.Kind kind = kindOf(tag);
                if (kind != null) {
                    int from = hyphenatedStart(s, i);
                    int to = hyphenatedEnd(s, j);
                    out.add(Mention.of(kind, s, from, to, text));
                    j = Math.max(j, to);
                }
                i = j;
            }
        }
        return out;
    }

    /**
     * The tokenizer splits "al-Qaida" into "al", "-", "Qaida" and the model tags only "Qaida": a name takes
     * in the words joined to its start by a hyphen with no space.
     */
    private static int hyphenatedStart(Sentence s, int i) {
        while (i >= 2 && s.token(i - 1).text().equals("-") && joined(s, i - 2) && joined(s, i - 1)
                && s.token(i - 2).tag().equals("O") && s.token(i - 2).text().chars().allMatch(Character::isLetter)) {
            i -= 2;
        }
        return i;
    }

    /** "Lashkar-e-Taiba": and the hyphenated words after it that carry a capital ("-backed" does not). */
    private static int hyphenatedEnd(Sentence s, int j) {
        while (j + 1 < s.size() && s.token(j).text().equals("-") && joined(s, j - 1) && joined(s, j)
                && s.token(j + 1).text().chars().anyMatch(Character::isUpperCase)) {
            j += 2;
        }
        return j;
    }

    /** Whether token {@code i} ends where token {@code i + 1} starts. */
    private static boolean joined(Sentence s, int i) {
        return s.token(i).end() == s.token(i + 1).start();
    }

    private static Mention.Kind kindOf(String tag) {
        return switch (tag) {
            case "PERSON" -> Mention.Kind.PERSON;
            case "ORGANIZATION" -> Mention.Kind.ORGANIZATION;
            case "LOCATION" -> Mention.Kind.LOCATION;
            case "MISC" -> Mention.Kind.MISC;
            default -> null;
        };
    }

    private List<Mention> knownMentions(KnownEntities known) {
        List<Mention> out = new ArrayList<>();
        for (KnownEntities.Match m : known.find(text, this::overlapsName, this::opensSentence)) {
            Mention at = locate(new Span(m.start(), m.end()), Mention.Kind.KNOWN);
            if (at != null) {
                out.add(new Mention(Mention.Kind.KNOWN, at.sentence(), at.from(), at.to(), at.text(), m.object(),
                        null, null));
            }
        }
        return out;
    }

    private List<Mention> regionMentions(Gazetteer gazetteer) {
        List<Mention> out = new ArrayList<>();
        for (AhoCorasick.Hit<String> hit : Regions.matcher(gazetteer).findLongest(text)) {
            String surface = text.substring(hit.start(), hit.end());
            Mention at = surface.equals(hit.values().get(0)) ? locate(new Span(hit.start(), hit.end()),
                    Mention.Kind.LOCATION) : null;
            Place region = at == null ? null : gazetteer.candidates(surface).stream()
                    .filter(p -> p.kind() == Place.Kind.REGION).findFirst().orElse(null);
            if (region != null) {
                out.add(at.withPlace(region));
            }
        }
        return out;
    }

    private List<Mention> attackMentions() {
        List<Mention> out = new ArrayList<>();
        for (AhoCorasick.Hit<AttackVocabulary.Entry> hit : AttackVocabulary.standard().find(text)) {
            Mention at = locate(new Span(hit.start(), hit.end()), Mention.Kind.ATTACK);
            if (at != null) {
                out.add(new Mention(Mention.Kind.ATTACK, at.sentence(), at.from(), at.to(), at.text(), null, null,
                        hit.values().get(0)));
            }
        }
        return out;
    }

    /** Adds {@code m} unless a longer model name overlaps it; drops the model names it covers. */
    private void prefer(List<Mention> out, Mention m) {
        Span span = m.span();
        boolean longerName = out.stream().anyMatch(o -> o.span().overlaps(span) && o.span().length() > span.length());
        if (!longerName) {
            out.removeIf(o -> o.span().overlaps(span));
            out.add(m);
        }
    }

    private boolean overlapsName(Span span) {
        return names.stream().anyMatch(n -> n.span().overlaps(span));
    }

    private boolean opensSentence(Span span) {
        Mention at = locate(span, Mention.Kind.KNOWN);
        return at != null && at.from() == 0;
    }

    /** The tokens covering {@code span}, or null when it is outside every sentence or splits a token. */
    private Mention locate(Span span, Mention.Kind kind) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = sentences.get(mid);
            if (span.end() <= s.start()) {
                hi = mid - 1;
            } else if (span.start() >= s.end()) {
                lo = mid + 1;
            } else {
                return within(s, span, kind);
            }
        }
        return null;
    }

    private Mention within(Sentence s, Span span, Mention.Kind kind) {
        int from = s.tokenAt(span.start());
        int to = from;
        while (to < s.size() && s.token(to).end() <= span.end()) {
            to++;
        }
        if (from >= s.size() || s.token(from).start() != span.start() || to == from
                || s.token(to - 1).end() != span.end()) {
            return null;
        }
        return Mention.of(kind, s, from, to, text);
    }

    /** The regions table as a matcher, built once per gazetteer. */
    private static final class Regions {
        private static final Map<Gazetteer, AhoCorasick<String>> CACHE = new ConcurrentHashMap<>();

        static AhoCorasick<String> matcher(Gazetteer g) {
            return CACHE.computeIfAbsent(g, k -> {
                Map<String, List<String>> phrases = new HashMap<>();
                k.regionNames().forEach(n -> phrases.put(n, List.of(n)));
                return AhoCorasick.of(phrases);
            });
        }
    }
}
