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
        List<Mention> found = nerMentions();
        found.addAll(surnamesMissed(found));
        found.addAll(bracketedAcronyms(found));
        this.names = found;
    }

    /** "Joint Operations Cell (JOCEL)": an acronym in brackets the model left untagged names what precedes it. */
    private List<Mention> bracketedAcronyms(List<Mention> found) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : found) {
            Sentence s = m.sentence();
            int open = m.to();
            if (open + 2 < s.size() && s.token(open).text().matches("\\(|-LRB-") && s.token(open + 2).text().matches("\\)|-RRB-")
                    && s.token(open + 1).tag().equals("O") && s.token(open + 1).text().matches("\\p{Lu}{2,}")) {
                out.add(Mention.of(m.kind(), s, open + 1, open + 2, text));
            }
        }
        return out;
    }

    /**
     * "Mr Whitfield said:" where the model tagged nothing: a surname of a person the model found elsewhere in the
     * article ("Thomas Whitfield") is a mention of them wherever it stands capitalised outside other names.
     */
    private List<Mention> surnamesMissed(List<Mention> found) {
        java.util.Set<String> surnames = new java.util.HashSet<>();
        for (Mention m : found) {
            String last = m.sentence().token(m.to() - 1).text();
            if (m.kind() == Mention.Kind.PERSON && m.size() >= 2 && last.length() >= 3 && !Lexicon.has(Lexicon.COMMON_WORDS, last)) {
                surnames.add(last);
            }
        }
        List<Mention> out = new ArrayList<>();
        for (Sentence s : sentences) {
            for (int i = 0; i < s.size(); i++) {
                Token t = s.token(i);
                if (t.tag().equals("O") && surnames.contains(t.text())) {
                    out.add(Mention.of(Mention.Kind.PERSON, s, i, i + 1, text));
                }
            }
        }
        return out;
    }

    public static List<Mention> find(String text, List<Sentence> sentences, KnownEntities known, Gazetteer gazetteer) {
        MentionFinder f = new MentionFinder(text, sentences);
        List<Mention> out = new ArrayList<>(f.names);
        f.designatedGroups().forEach(m -> f.prefer(out, m));
        f.describedOrganisations().forEach(m -> f.prefer(out, m));
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

    /**
     * "Lashkar-e-Taiba": and the hyphenated words after it that carry a capital ("-backed" does not); "Jund
     * al-Khilafa", "Ansar Bayt al-Maqdis": and an Arabic article joined by a hyphen to a capitalised word.
     */
    private static int hyphenatedEnd(Sentence s, int j) {
        while (true) {
            if (j + 1 < s.size() && s.token(j).text().equals("-") && joined(s, j - 1) && joined(s, j)
                    && s.token(j + 1).text().chars().anyMatch(Character::isUpperCase)) {
                j += 2;
            } else if (j + 3 < s.size() && s.token(j).text().equals("-") && joined(s, j - 1) && joined(s, j)
                    && CONNECTORS.contains(s.token(j + 1).text()) && s.token(j + 2).text().equals("-")
                    && joined(s, j + 1) && joined(s, j + 2) && s.token(j + 3).isCapitalized()) {
                // "Rostov-on-Don", "Stratford-upon-Avon", "Châlons-en-Champagne"
                j += 4;
            } else if (j + 2 < s.size() && PARTICLES.contains(s.token(j).lower()) && s.token(j + 1).text().equals("-")
                    && joined(s, j) && joined(s, j + 1) && s.token(j + 2).isCapitalized()) {
                j += 3;
            } else {
                return j;
            }
        }
    }

    private static final java.util.Set<String> CONNECTORS = java.util.Set.of("on", "upon", "en", "sur", "le", "la",
            "les", "de", "am", "an", "im", "na");

    /** Arabic articles and particles that open the next word of a name: al-, el-, ad-, ash-, ul-, bin. */
    private static final java.util.Set<String> PARTICLES = java.util.Set.of("al", "el", "ad", "ar", "as", "ash", "at",
            "az", "an", "ud", "ul", "ut");

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

    /** Designated groups by the table's names and spellings; "al-Qaida" stays whole however the model split it. */
    private List<Mention> designatedGroups() {
        List<Mention> out = new ArrayList<>();
        for (DesignatedGroups.Match m : DesignatedGroups.standard().find(text)) {
            Mention at = locate(new Span(m.start(), m.end()), Mention.Kind.DESIGNATED_GROUP);
            if (at != null) {
                out.add(at);
            }
        }
        return out;
    }

    private List<Mention> regionMentions(Gazetteer gazetteer) {
        List<Mention> out = new ArrayList<>();
        for (AhoCorasick.Hit<String> hit : Regions.matcher(gazetteer).findLongest(text)) {
            String surface = text.substring(hit.start(), hit.end());
            Mention at = sameRegionName(surface, hit.values().get(0)) ? locate(new Span(hit.start(), hit.end()),
                    Mention.Kind.LOCATION) : null;
            Place region = at == null ? null : gazetteer.candidates(surface).stream()
                    .filter(p -> p.kind() == Place.Kind.REGION).findFirst().orElse(null);
            if (region != null) {
                out.add(at.withPlace(region));
            }
        }
        return out;
    }

    /**
     * "security firm K9X", "organisers Fifco": a name right after a noun that says company or organisers is an
     * organisation, whether the model tagged it as a person or not at all.
     */
    private List<Mention> describedOrganisations() {
        List<Mention> out = new ArrayList<>();
        for (Sentence s : sentences) {
            for (int i = 0; i + 1 < s.size(); i++) {
                if (!ORGANISATION_NOUNS.contains(s.token(i).lower())) {
                    continue;
                }
                int j = i + 1;
                while (j < s.size() && isNameWord(s.token(j)) && !s.token(j).tag().equals("LOCATION")) {
                    j++;
                }
                if (j > i + 1) {
                    out.add(Mention.of(Mention.Kind.ORGANIZATION, s, i + 1, j, text));
                }
            }
        }
        return out;
    }

    private static boolean isNameWord(Token t) {
        return t.isCapitalized() && t.text().chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '&' || c == '.')
                && !Lexicon.has(Lexicon.COMMON_WORDS, t.text());
    }

    private static final java.util.Set<String> ORGANISATION_NOUNS = java.util.Set.of("firm", "company", "organisers",
            "organizers", "agency", "newspaper", "broadcaster", "airline", "carrier", "insurer", "bank", "retailer",
            "contractor", "operator", "daily", "weekly");

    /** Exact capitals, but for a compass word that opens the name ("north Caucasus" is the North Caucasus). */
    private static boolean sameRegionName(String surface, String name) {
        if (surface.equals(name)) {
            return true;
        }
        int space = surface.indexOf(' ');
        return space > 0 && COMPASS.contains(surface.substring(0, space)) && surface.substring(space).equals(name.substring(
                Math.min(space, name.length()))) && surface.equalsIgnoreCase(name);
    }

    private static final java.util.Set<String> COMPASS = java.util.Set.of("north", "south", "east", "west", "northern",
            "southern", "eastern", "western", "central");

    private List<Mention> attackMentions() {
        List<Mention> out = new ArrayList<>();
        for (AhoCorasick.Hit<AttackVocabulary.Entry> hit : AttackVocabulary.standard().find(text)) {
            Mention at = locate(new Span(hit.start(), hit.end()), Mention.Kind.ATTACK);
            if (at != null && !charged(at)) {
                out.add(new Mention(Mention.Kind.ATTACK, at.sentence(), at.from(), at.to(), at.text(), null, null,
                        hit.values().get(0)));
                out.addAll(coordinated(at));
            }
        }
        return out;
    }

    /** "charges of kidnapping and extortion": crimes a court is asked to try, not attacks the text reports. */
    private static boolean charged(Mention m) {
        for (int i = m.from() - 1; i >= 0 && m.from() - i <= MAX_CHARGE_DISTANCE; i--) {
            String w = m.sentence().token(i).lower();
            if (w.equals("charges") || w.equals("charge") || w.equals("charged")) {
                return true;
            }
        }
        return false;
    }

    /** "a biological and chemical attack": each word before "and" that makes a kind with "attack" is one too. */
    private List<Mention> coordinated(Mention attack) {
        List<Mention> out = new ArrayList<>();
        Sentence s = attack.sentence();
        String last = s.token(attack.to() - 1).lower();
        if (!last.startsWith("attack")) {
            return out;
        }
        for (int i = attack.from(); i >= 1 && attack.from() - i <= 4; i--) {
            boolean joint = i == attack.from() || s.token(i).is("and") || s.token(i).text().equals(",");
            if (!joint) {
                continue;
            }
            Token w = s.token(i - 1);
            for (AhoCorasick.Hit<AttackVocabulary.Entry> h : AttackVocabulary.standard().find(w.text() + " " + last)) {
                if (h.start() == 0 && h.end() == w.text().length() + 1 + last.length()) {
                    out.add(new Mention(Mention.Kind.ATTACK, s, i - 1, i, w.text(), null, null, h.values().get(0)));
                }
            }
        }
        return out;
    }

    private static final int MAX_CHARGE_DISTANCE = 5;

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
