package org.vigil.extract.internal;

import java.util.List;

/** One sentence of the cleaned text: its span, its tokens and the paragraph it belongs to. */
public record Sentence(int index, int start, int end, List<Token> tokens, int paragraph) {

    public Sentence {
        tokens = List.copyOf(tokens);
    }

    public Span span() {
        return new Span(start, end);
    }

    public String text(String document) {
        return document.substring(start, end);
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    public int size() {
        return tokens.size();
    }

    /** The index of the first token starting at or after {@code offset}, or size() when none does. */
    public int tokenAt(int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() >= offset) {
                return i;
            }
        }
        return tokens.size();
    }
}
