package org.vigil.extract.internal;

import org.vigil.extract.Place;
import org.vigil.stix.StixObject;

/**
 * One span of the cleaned text that names something: tokens [from, to) of a sentence. What found it sets
 * {@code kind}; a known-entity match carries its object, a regions-table match its place, an attack phrase
 * its vocabulary entry (the others are null).
 */
public record Mention(Kind kind, Sentence sentence, int from, int to, String text, StixObject known, Place place,
                      AttackVocabulary.Entry attack) {

    /** Where a mention came from: the NER model's four classes, or a list Vigil matched (the designated groups among them). */
    public enum Kind { PERSON, ORGANIZATION, LOCATION, MISC, KNOWN, ATTACK, DESIGNATED_GROUP }

    public static Mention of(Kind kind, Sentence sentence, int from, int to, String document) {
        return new Mention(kind, sentence, from, to, slice(sentence, from, to, document), null, null, null);
    }

    public int start() {
        return sentence.token(from).start();
    }

    public int end() {
        return sentence.token(to - 1).end();
    }

    public Span span() {
        return new Span(start(), end());
    }

    public int size() {
        return to - from;
    }

    public Mention withKind(Kind newKind) {
        return new Mention(newKind, sentence, from, to, text, known, place, attack);
    }

    public Mention withPlace(Place p) {
        return new Mention(kind, sentence, from, to, text, known, p, attack);
    }

    /** A mention of fewer tokens, re-reading its text from the document. */
    public Mention narrowed(int newFrom, int newTo, String document) {
        return new Mention(kind, sentence, newFrom, newTo, slice(sentence, newFrom, newTo, document), known, place,
                attack);
    }

    static String slice(Sentence s, int from, int to, String document) {
        return document.substring(s.token(from).start(), s.token(to - 1).end());
    }
}
