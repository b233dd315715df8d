package org.vigil.extract.internal;

import java.util.List;

/**
 * An article's text after cleaning: each paragraph once, separated by blank lines. All provenance offsets
 * point into {@code text}. {@code dateline} is null when the article has none.
 */
public record CleanText(String text, List<Span> paragraphs, Dateline dateline) {

    public CleanText {
        paragraphs = List.copyOf(paragraphs);
    }

    /** A dateline such as "WASHINGTON —" or "PARIS, Texas (AP) —": the place of publication. */
    public record Dateline(Span span, String place, String qualifier) {
    }

    /** The spans the language model reads: every paragraph, less the dateline. */
    public List<Span> body() {
        if (dateline == null) {
            return paragraphs;
        }
        return paragraphs.stream()
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
