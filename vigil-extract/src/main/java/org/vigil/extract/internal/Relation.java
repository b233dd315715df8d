package org.vigil.extract.internal;

/**
 * A link the text states between two entities: {@code verb} is the relationship type wanted ("uses",
 * "targets", "located-at"); the STIX type falls back to related-to when STIX does not define it for the pair.
 */
public record Relation(Entity source, String verb, Entity target, String description, Sentence evidence) {
}
