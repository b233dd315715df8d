package org.vigil.extract;

import java.time.Instant;
import java.util.Objects;

/**
 * A news article to extract from: its raw text and what is known about it. Every field but {@code text} may
 * be null: {@code title} (else the first sentence names the report), {@code published} (else the time of
 * extraction), {@code url} and {@code source} (the outlet that carried it).
 */
public record Article(String text, String title, Instant published, String url, String source) {

    public Article {
        Objects.requireNonNull(text, "text");
    }

    /** An article with only its text. */
    public static Article of(String text) {
        return new Article(text, null, null, null, null);
    }

    public Article withTitle(String newTitle) {
        return new Article(text, newTitle, published, url, source);
    }

    public Article withPublished(Instant newPublished) {
        return new Article(text, title, newPublished, url, source);
    }

    public Article withUrl(String newUrl) {
        return new Article(text, title, published, newUrl, source);
    }

    public Article withSource(String newSource) {
        return new Article(text, title, published, url, newSource);
    }
}
