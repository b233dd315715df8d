package org.vigil.extract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds quotations and who said them. A quotation may be broken by its attribution ("...," he said. "...")
 * or run over paragraphs (a paragraph that ends inside a quote, followed by one that opens with a quote
 * mark). Quotes nested inside it stay part of it. The speaker is named after it ("said Carney", "Carney
 * said"), before it ("Müller told reporters:"), or by a pronoun that points back to the last person the
 * text had speaking.
 */
public final class QuoteFinder {

    /** One quotation: its pieces in the text, its words, and its speaker (null when the text names none). */
    public record Found(List<Span> segments, String text, Entity speaker) {
    }

    private record Segment(Span span, int paragraph, boolean openAtEnd, boolean opensParagraph) {
    }

    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "i", "we");
    private static final int MIN_WORDS = 3;
    private static final int MIN_WORDS_UNATTRIBUTED = 6;
    private static final int MAX_ATTRIBUTION_GAP = 160;
    private static final int MAX_VERB_DISTANCE = 6;
    /** After a colon the verb may stand further back: "She stressed the cost of the plan: "…"". */
    private static final int MAX_VERB_DISTANCE_COLON = 12;
    private static final int MAX_TITLE_WORDS = 3;
    private static final Set<String> MEMBERS = Set.of("member", "members", "supporter", "supporters", "one", "follower",
            "followers", "fighter", "fighters");
    private static final Set<String> RELATIVES = Set.of("who", "which");
    private static final Set<String> COLLECTIVES = Set.of("researchers", "analysts", "officials", "experts",
            "investigators", "spokesmen", "spokespeople");
    private static final int MAX_TITLE = 4;

    private final CleanText clean;
    private final List<Sentence> sentences;
    private final Map<Mention, Entity> byMention;
    private final List<Segment> segments = new ArrayList<>();

    private QuoteFinder(CleanText clean, List<Sentence> sentences, Map<Mention, Entity> byMention) {
        this.clean = clean;
        this.sentences = sentences;
        this.byMention = byMention;
    }

    public static List<Found> find(CleanText clean, List<Sentence> sentences, Map<Mention, Entity> byMention) {
        QuoteFinder f = new QuoteFinder(clean, sentences, byMention);
        List<Span> body = clean.body();
        for (int p = 0; p < body.size(); p++) {
            f.scan(body.get(p), p);
        }
        List<Found> out = new ArrayList<>();
        for (List<Segment> unit : f.units()) {
            Found q = f.quote(unit);
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    private void scan(Span paragraph, int index) {
        String t = clean.text();
        int depth = 0;
        int open = -1;
        for (int i = paragraph.start(); i < paragraph.end(); i++) {
            char c = t.charAt(i);
            if (depth == 0 && isOpening(t, i, paragraph)) {
                depth = 1;
                open = i;
            } else if (depth > 0 && c == '“' && t.charAt(open) == '“') {
                depth++;
            } else if (depth > 0 && (c == '”' || c == '»' || c == '"')) {
                depth = c == '"' ? 0 : depth - 1;
                if (depth == 0) {
                    segments.add(new Segment(new Span(open + 1, i), index, false, open == paragraph.start()));
                }
            }
        }
        if (depth > 0) {
            segments.add(new Segment(new Span(open + 1, paragraph.end()), index, true, open == paragraph.start()));
        }
    }

    private static boolean isOpening(String t, int i, Span paragraph) {
        char c = t.charAt(i);
        if (c == '“' || c == '„' || c == '«') {
            return true;
        }
        boolean before = i == paragraph.start() || !Character.isLetterOrDigit(t.charAt(i - 1));
        return c == '"' && before && i + 1 < paragraph.end() && !Character.isWhitespace(t.charAt(i + 1));
    }

    /** Segments that make one quotation: a run over paragraphs, or pieces around an attribution. */
    private List<List<Segment>> units() {
        List<List<Segment>> out = new ArrayList<>();
        Segment prev = null;
        for (Segment s : segments) {
            if (isTitle(s)) {
                continue;
            }
            if (prev != null && continues(prev, s)) {
                out.get(out.size() - 1).add(s);
            } else {
                out.add(new ArrayList<>(List.of(s)));
            }
            prev = s;
        }
        return out;
    }

    /**
     * Whether {@code s} goes on with the quotation {@code prev} belongs to: the next paragraph of a paragraph
     * left open; a paragraph that is nothing but a quotation right after one; or, in one paragraph, the rest of
     * a quotation that the attribution cut ("…," she said, … . "…"). A quotation that ended as a sentence
     * ("Sunday Review" that day. But Holt said "…") is not cut by what follows it.
     */
    private boolean continues(Segment prev, Segment s) {
        if (prev.openAtEnd()) {
            return s.paragraph() == prev.paragraph() + 1 && s.opensParagraph();
        }
        if (s.paragraph() == prev.paragraph() + 1 && s.opensParagraph() && fillsParagraph(s) && endsParagraph(prev)) {
            return true;
        }
        if (s.paragraph() != prev.paragraph()) {
            return false;
        }
        String between = clean.text().substring(prev.span().end() + 1, Math.max(prev.span().end() + 1, s.span().start() - 1));
        String piece = clean.text().substring(prev.span().start(), prev.span().end()).strip();
        boolean cut = piece.endsWith(",") || piece.endsWith("?") || piece.endsWith("!") || piece.endsWith("—")
                || piece.endsWith("-") || piece.endsWith(")");
        return cut && between.length() <= MAX_ATTRIBUTION_GAP && containsSpeechVerb(between);
    }

    /** "Sunday Review", "Night Shade": a short quotation of capitalised words names a title, it quotes no one. */
    private boolean isTitle(Segment s) {
        String[] words = clean.text().substring(s.span().start(), s.span().end()).strip().split("\\s+");
        if (words.length > MAX_TITLE_WORDS) {
            return false;
        }
        for (String w : words) {
            String letters = w.replaceAll("[^\\p{L}]", "");
            if (letters.isEmpty() || !Character.isUpperCase(letters.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** The quotation is the whole paragraph, but for its closing punctuation. */
    private boolean fillsParagraph(Segment s) {
        Span p = clean.body().get(s.paragraph());
        return s.span().start() - 1 == p.start() && p.end() - s.span().end() <= 2;
    }

    /** Nothing but an attribution follows the segment in its paragraph (its end is the paragraph's last sentence). */
    private boolean endsParagraph(Segment s) {
        Span p = clean.body().get(s.paragraph());
        String rest = clean.text().substring(Math.min(p.end(), s.span().end() + 1), p.end());
        return !rest.contains("“") && !rest.contains("\"") && rest.length() <= MAX_ATTRIBUTION_GAP;
    }

    private static boolean containsSpeechVerb(String s) {
        for (String w : s.split("[^\\p{L}]+")) {
            if (Lexicon.has(Lexicon.SPEECH_VERBS, w)) {
                return true;
            }
        }
        return false;
    }

    private Found quote(List<Segment> unit) {
        String text = join(unit);
        int words = text.split("\\s+").length;
        if (words < MIN_WORDS) {
            return null;
        }
        Entity speaker = null;
        for (Segment s : unit) {
            speaker = speaker != null ? speaker : after(s);
        }
        if (speaker == null) {
            speaker = before(unit.get(0));
        }
        if (speaker == null && words < MIN_WORDS_UNATTRIBUTED) {
            return null;
        }
        return new Found(unit.stream().map(Segment::span).toList(), text, speaker);
    }

    private String join(List<Segment> unit) {
        StringBuilder out = new StringBuilder();
        for (Segment s : unit) {
            String piece = clean.text().substring(s.span().start(), s.span().end()).trim();
            if (piece.endsWith(",")) {
                piece = piece.substring(0, piece.length() - 1) + ".";
            }
            out.append(out.length() > 0 ? " " : "").append(piece);
        }
        return out.toString();
    }

    /** "...," said Carney. / "...," Carney said. / "...," he said. */
    private Entity after(Segment s) {
        Sentence sentence = sentenceAt(s.span().end());
        if (sentence == null) {
            return null;
        }
        int i = sentence.tokenAt(s.span().end() + 1);
        while (i < sentence.size() && !hasLetter(sentence.token(i).text())) {
            i++;
        }
        if (i >= sentence.size()) {
            return null;
        }
        if (Lexicon.has(Lexicon.SPEECH_VERBS, sentence.token(i).text())) {
            return speakerAt(sentence, i + 1, s.span().start());
        }
        Entity named = entityAt(sentence, i);
        if (named == null && sentence.token(i).is("the") && i + 1 < sentence.size()) {
            return describedSpeaker(sentence, i + 1, s.span().start());
        }
        if (named == null && COLLECTIVES.contains(sentence.token(i).lower())) {
            return collectiveSpeaker(sentence, i + 1);
        }
        int next = named != null ? endOf(sentence, i) : i + 1;
        boolean verb = next < sentence.size() && (Lexicon.has(Lexicon.SPEECH_VERBS, sentence.token(next).text())
                || next + 1 < sentence.size() && Lexicon.has(Lexicon.SPEECH_VERBS, sentence.token(next + 1).text()));
        if (!verb) {
            return null;
        }
        return named != null ? named : PRONOUNS.contains(sentence.token(i).lower()) ? lastSpeaker(s.span().start()) : null;
    }

    /** "A supporter of the group tweeted": the speaker is the supporter, whom the text does not name. */
    private boolean memberOf(Sentence sentence, int end) {
        for (Mention m : byMention.keySet()) {
            if (m.sentence() == sentence && m.to() == end) {
                int of = m.from() - 1;
                if (of > 0 && sentence.token(of).is("the")) {
                    of--;
                }
                return of >= 1 && sentence.token(of).is("of") && MEMBERS.contains(sentence.token(of - 1).lower());
            }
        }
        return false;
    }

    private static boolean isQuoteMark(String token) {
        return token.equals("\"") || token.equals("``") || token.equals("''") || token.equals("“") || token.equals("”");
    }

    /** "…," the group says: the organisation the text last had speaking, when a group noun is followed by a verb. */
    private Entity describedSpeaker(Sentence sentence, int noun, int quoteStart) {
        boolean groupNoun = Lexicon.has(Lexicon.GROUP_NOUNS, sentence.token(noun).text())
                || Lexicon.has(Lexicon.ORGANISATION_WORDS, sentence.token(noun).text());
        if (!groupNoun || noun + 1 >= sentence.size() || !Lexicon.has(Lexicon.SPEECH_VERBS, sentence.token(noun + 1).text())) {
            return null;
        }
        return lastSpeaking(quoteStart, Entity.Kind.ORGANIZATION);
    }

    /** "…," analysts at Acme Labs wrote: the organisation they speak for. */
    private Entity collectiveSpeaker(Sentence sentence, int i) {
        if (i + 1 >= sentence.size() || !(sentence.token(i).is("with") || sentence.token(i).is("at") || sentence.token(i).is("from"))) {
            return null;
        }
        Entity org = null;
        int j = i + 1;
        while (j < sentence.size() && !Lexicon.has(Lexicon.SPEECH_VERBS, sentence.token(j).text()) && j - i <= 12) {
            Entity e = entityAt(sentence, j);
            if (e != null && e.kind() == Entity.Kind.ORGANIZATION) {
                org = e;
            }
            j++;
        }
        return j < sentence.size() && Lexicon.has(Lexicon.SPEECH_VERBS, sentence.token(j).text()) ? org : null;
    }

    /** "Müller told reporters in Berlin: "..."": a speech verb shortly before the opening mark. */
    private Entity before(Segment s) {
        Sentence sentence = sentenceAt(s.span().start() - 1);
        if (sentence == null) {
            return null;
        }
        int open = sentence.tokenAt(s.span().start() - 1);
        boolean colon = open >= 1 && sentence.token(open - 1).text().equals(":");
        // A fragment quoted inside a sentence ("said the odds were "close to nil"") belongs to its sentence's speaker.
        boolean fragment = open >= 1 && !colon && !sentence.token(open - 1).text().equals(",")
                && !sentence.token(open - 1).text().equals("that");
        int reach = fragment ? open : colon ? MAX_VERB_DISTANCE_COLON : MAX_VERB_DISTANCE;
        for (int v = open - 1; v >= 1 && open - v <= reach; v--) {
            if (Lexicon.has(Lexicon.SPEECH_VERBS, sentence.token(v).text())) {
                return subjectOf(sentence, v, s.span().start());
            }
        }
        return null;
    }

    /**
     * Who speaks by the verb at token {@code v}: a name or pronoun just before it ("Holt said", "he said");
     * the name that opens the sentence, when an apposition or a clause stands between ("Maria Lenz, the former
     * director …, said"; "Lenz set out the plan, adding"); the name a relative clause hangs on
     * ("Paulo Mendes, who angered many by saying").
     */
    private Entity subjectOf(Sentence sentence, int v, int quoteStart) {
        for (int subject = v - 1; subject >= 0 && v - subject <= 2; subject--) {
            Entity named = entityEndingAt(sentence, subject + 1);
            if (named != null) {
                return memberOf(sentence, subject + 1) ? null : named;
            }
            if (PRONOUNS.contains(sentence.token(subject).lower())) {
                return lastSpeaker(quoteStart);
            }
        }
        for (int w = v - 1; w >= 2; w--) {
            if (RELATIVES.contains(sentence.token(w).lower()) && sentence.token(w - 1).text().equals(",")) {
                return entityEndingAt(sentence, w - 1);
            }
        }
        int before = v - 1;
        while (before > 0 && isQuoteMark(sentence.token(before).text())) {
            before--;
        }
        if (sentence.token(before).text().equals(",")) {
            int first = 0;
            while (first < v && (Lexicon.has(Lexicon.COMMON_WORDS, sentence.token(first).text())
                    || Lexicon.has(Lexicon.HONORIFICS, sentence.token(first).text().replace(".", "")))) {
                first++;
            }
            Entity opening = entityAt(sentence, first);
            if (opening != null) {
                return opening;
            }
            return first < sentence.size() && PRONOUNS.contains(sentence.token(first).lower()) ? lastSpeaker(quoteStart) : null;
        }
        return null;
    }

    /** After "said": a name, maybe behind its title ("spokesman Jay Carney"), "the spokesman", or a pronoun. */
    private Entity speakerAt(Sentence s, int i, int quoteStart) {
        if (i < s.size() && PRONOUNS.contains(s.token(i).lower())) {
            return lastSpeaker(quoteStart);
        }
        for (int j = i; j < s.size() && j - i <= MAX_TITLE; j++) {
            Entity named = entityAt(s, j);
            if (named != null) {
                return named;
            }
            Token t = s.token(j);
            String bare = t.text().replace(".", "");
            if (!(t.is("the") || Lexicon.has(Lexicon.ROLE_NOUNS, bare) || Lexicon.has(Lexicon.ROLE_MODIFIERS, bare)
                    || Lexicon.has(Lexicon.HONORIFICS, bare))) {
                break;
            }
        }
        return i + 1 < s.size() && s.token(i).is("the") ? byRole(s.token(i + 1).text()) : null;
    }

    /**
     * The person the text last had speaking before {@code offset}: a name followed in its sentence by a
     * speech verb with no other person between, or right after one; else the last person named.
     */
    private Entity lastSpeaker(int offset) {
        Mention speaking = null;
        Mention anyone = null;
        for (Map.Entry<Mention, Entity> e : byMention.entrySet()) {
            Mention m = e.getKey();
            if (e.getValue().kind() != Entity.Kind.PERSON || m.start() >= offset || insideQuote(m.start())) {
                continue;
            }
            if (isSpeaking(m) && (speaking == null || m.start() > speaking.start())) {
                speaking = m;
            }
            if (anyone == null || m.start() > anyone.start()) {
                anyone = m;
            }
        }
        Mention chosen = speaking != null ? speaking : anyone;
        return chosen == null ? null : byMention.get(chosen);
    }

    /** The entity of this kind that the text last had speaking before {@code offset}, or null. */
    private Entity lastSpeaking(int offset, Entity.Kind kind) {
        Mention speaking = null;
        for (Map.Entry<Mention, Entity> e : byMention.entrySet()) {
            Mention m = e.getKey();
            if (e.getValue().kind() == kind && m.start() < offset && !insideQuote(m.start()) && isSpeaking(m)
                    && (speaking == null || m.start() > speaking.start())) {
                speaking = m;
            }
        }
        return speaking == null ? null : byMention.get(speaking);
    }

    private boolean isSpeaking(Mention m) {
        Sentence s = m.sentence();
        if (m.from() > 0 && Lexicon.has(Lexicon.SPEECH_VERBS, s.token(m.from() - 1).text())) {
            return true;
        }
        for (int i = m.to(); i < s.size(); i++) {
            if (s.token(i).tag().equals("PERSON") || insideQuote(s.token(i).start())) {
                return false;
            }
            if (Lexicon.has(Lexicon.SPEECH_VERBS, s.token(i).text())) {
                return true;
            }
        }
        return false;
    }

    private boolean insideQuote(int offset) {
        for (Segment s : segments) {
            if (s.span().contains(offset)) {
                return true;
            }
        }
        return false;
    }

    private Entity byRole(String roleNoun) {
        Entity found = null;
        for (Entity e : byMention.values()) {
            if (e.kind() == Entity.Kind.PERSON && e.roles().stream().anyMatch(r -> r.toLowerCase().endsWith(roleNoun.toLowerCase()))) {
                if (found != null && found != e) {
                    return null;
                }
                found = e;
            }
        }
        return found;
    }

    private Entity entityAt(Sentence s, int token) {
        for (Map.Entry<Mention, Entity> e : byMention.entrySet()) {
            if (e.getKey().sentence() == s && e.getKey().from() == token && speaks(e.getValue())) {
                return e.getValue();
            }
        }
        return null;
    }

    private int endOf(Sentence s, int token) {
        for (Mention m : byMention.keySet()) {
            if (m.sentence() == s && m.from() == token) {
                return m.to();
            }
        }
        return token + 1;
    }

    private Entity entityEndingAt(Sentence s, int token) {
        for (Map.Entry<Mention, Entity> e : byMention.entrySet()) {
            if (e.getKey().sentence() == s && e.getKey().to() == token && speaks(e.getValue())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean speaks(Entity e) {
        return e.kind() == Entity.Kind.PERSON || e.kind() == Entity.Kind.ORGANIZATION || e.kind() == Entity.Kind.GROUP
                || e.kind() == Entity.Kind.KNOWN && "identity".equals(e.known().type());
    }

    private Sentence sentenceAt(int offset) {
        for (Sentence s : sentences) {
            if (offset >= s.start() && offset < s.end()) {
                return s;
            }
        }
        return null;
    }

    private static boolean hasLetter(String s) {
        return s.chars().anyMatch(Character::isLetter);
    }
}
