package org.vigil.extract.internal;

import java.util.List;

/**
 * An article's text after cleaning: each paragraph once, separated by blank lines. All provenance offsets
 * point into {@code text}. {@code dateline} is null when the article has none.
 */
public record CleanText(String text, List<Span> paragraphs, Dateline dateline, Span headline, List<Span> credits) {

    public CleanText {
        paragraphs = List.copyOf(paragraphs);
        credits = List.copyOf(credits);
    }

    /** The headline's text, or null when the article does not open with one. */
    public String headlineText() {
        return headline == null ? null : text.substring(headline.start(), headline.end());
    }

    /** The story alone, as copies of it share it: the body's paragraphs, without headline, credits or dateline. */
    public String story() {
        StringBuilder out = new StringBuilder();
        for (Span p : body()) {
            out.append(text, p.start(), p.end()).append('\n');
        }
        return out.toString();
    }

    /** A dateline such as "WASHINGTON —" or "PARIS, Texas (AP) —": the place of publication. */
    public record Dateline(Span span, String place, String qualifier) {
    }

    /** The spans the language model reads: every paragraph, less the headline, bylines, credits and the dateline. */
    public List<Span> body() {
        List<Span> story = paragraphs.stream().filter(p -> !p.equals(headline) && !credits.contains(p)).toList();
        if (dateline == null) {
            return story;
        }
        return story.stream()
                .map(p -> p.overlaps(dateline.span()) ? new Span(Math.min(p.end(), dateline.span().end()), p.end()) : p)
                .filter(p -> p.length() > 0)
                .toList();
    }

    /** The first paragraph of the body: the lead, or the empty string for an empty article. */
    public String lead() {
        List<Span> body = body();
        return body.isEmpty() ? "" : text.substring(body.get(0).start(), body.get(0).end()).trim();
    }
}
