package org.vigil.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigil.stix.Identifier;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixObject;

/**
 * Vigil's provenance extension: every object extraction makes says which sentences of the cleaned article
 * text it came from, as {@code extensions."extension-definition--…".sources = [{start, end, sentence}]}
 * (character offsets in UTF-16 code units, end exclusive). The cleaned text travels with the report as a STIX
 * {@code artifact} (text/plain, UTF-8), named by the report's {@code text_ref}, so every offset points into text
 * Vigil holds. Vigil publishes the extension-definition itself, so bundles carry it.
 */
public final class Provenance {

    /** The UUIDv5 namespace of every id Vigil's extraction makes. */
    public static final UUID NAMESPACE = Publisher.NAMESPACE;

    /** The identity that creates extracted objects and publishes the extension. */
    public static final String VIGIL_IDENTITY_ID = Publisher.IDENTITY_ID;

    /** The extension-definition's id, which is also the key under {@code extensions}. */
    public static final String EXTENSION_ID =
            Identifier.deterministic("extension-definition", NAMESPACE, "vigil-extract-provenance/1.0");

    /** When this version of the extension was defined; fixed, so the definition never changes. */
    static final String DEFINED = Publisher.DEFINED;

    /** Version 1.1: the fingerprint samples shingles (for containment) instead of holding a MinHash signature. */
    static final String MODIFIED = "2026-12-06T00:00:00.000Z";

    static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "title": "Vigil extraction provenance",
             "type": "object",
             "properties": {
               "extension_type": {"const": "property-extension"},
               "sources": {"type": "array", "minItems": 1, "items": {"type": "object",
                 "required": ["start", "end", "sentence"],
                 "properties": {"start": {"type": "integer", "minimum": 0},
                                "end": {"type": "integer", "minimum": 0},
                                "sentence": {"type": "string"}}}},
               "dateline_ref": {"type": "string", "pattern": "^location--"},
               "text_ref": {"type": "string", "pattern": "^artifact--",
                 "description": "The artifact holding the cleaned article text that every offset points into"},
               "fingerprint": {"type": "string", "description": "The story's sampled word 5-shingles: s8: then base64 of 32-bit hashes"},
               "mentions": {"type": "array", "items": {"type": "object",
                 "required": ["object_ref", "start", "end", "sentence"],
                 "properties": {"object_ref": {"type": "string"},
                                "start": {"type": "integer"}, "end": {"type": "integer"},
                                "sentence": {"type": "string"}}}}
             },
             "required": ["extension_type", "sources"]}""";

    private Provenance() {
    }

    /** One sentence an object came from: [start, end) in the cleaned text, and the sentence itself. */
    public record Source(int start, int end, String sentence) {
    }

    /** The identity of Vigil, the producer of every extracted object. */
    public static StixObject vigilIdentity() {
        return Publisher.identity();
    }

    /** The extension-definition of the provenance extension. */
    public static StixObject extensionDefinition() {
        return StixObject.builder("extension-definition", EXTENSION_ID)
                .put("created_by_ref", VIGIL_IDENTITY_ID)
                .put("created", DEFINED)
                .put("modified", MODIFIED)
                .put("name", "Vigil extraction provenance")
                .put("description", "Where in a news article an extracted object came from: the sentences, as "
                        + "character offsets (UTF-16 code units, end exclusive) into the article's cleaned text, with "
                        + "their text. The report refers to that text as an artifact (text/plain, UTF-8) named by "
                        + "text_ref. On a report, dateline_ref names the place of publication, mentions lists objects the "
                        + "article names that were known before, and fingerprint is a sample of the story's word 5-shingles, "
                        + "by which later copies of the story are recognised.")
                .put("schema", SCHEMA)
                .put("version", "1.1.0")
                .put("extension_types", List.of("property-extension"))
                .build();
    }

    /** The sources an object records, or an empty list when it has none. */
    public static List<Source> sources(StixObject object) {
        List<Source> out = new ArrayList<>();
        object.property("extensions").map(e -> e.path(EXTENSION_ID).path("sources")).ifPresent(list -> {
            for (JsonNode s : list) {
                out.add(new Source(s.path("start").asInt(), s.path("end").asInt(), s.path("sentence").asText()));
            }
        });
        return out;
    }
}
