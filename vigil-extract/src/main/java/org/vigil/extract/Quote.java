package org.vigil.extract;

import java.util.List;

/**
 * A quotation in an article, as its note object records it: the quoted words, the speaker's name and STIX id
 * (both null when the text names no speaker), and where each piece of it stands in the cleaned text.
 */
public record Quote(String text, String speaker, String speakerRef, List<Piece> pieces, String noteId) {

    /** One stretch of quoted words, [start, end) in the cleaned text, quote marks excluded. */
    public record Piece(int start, int end) {
    }

    public Quote {
        pieces = List.copyOf(pieces);
    }
}
