package org.vigil.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.stix.StixObject;

/** Objects the caller already knows are found by name and alias, and common words never match. */
class KnownEntitiesTest {

    private static final String CREATED = "2020-01-01T00:00:00.000Z";
    private static final StixObject SANDWORM = StixObject.builder("intrusion-set", "intrusion-set--2f8b5a2c-7d1e-4a9b-8c3d-5e6f7a8b9c0d")
            .put("created", CREATED).put("modified", CREATED).put("name", "Sandworm Team")
            .put("aliases", List.of("Sandworm", "Voodoo Bear")).build();
    private static final StixObject WILL = StixObject.builder("identity", "identity--1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d")
            .put("created", CREATED).put("modified", CREATED).put("name", "Will").put("identity_class", "individual").build();
    private static final StixObject VICTIM = StixObject.builder("malware", "malware--9f8e7d6c-5b4a-4c3d-8e1f-0a9b8c7d6e5f")
            .put("created", CREATED).put("modified", CREATED).put("name", "victim").put("is_family", true).build();

    private static Extraction extract(String text) {
        Extraction x = Extractor.builder().known(List.of(SANDWORM, WILL, VICTIM)).build()
                .extract(Article.of(text).withPublished(Instant.parse("2024-05-01T00:00:00Z")));
        Fixtures.assertStrictlyValid(x);
        return x;
    }

    @Test
    void aKnownGroupIsFoundByItsAliasAndReferencedNotCopied() {
        Extraction x = extract("Officials blamed Sandworm for the cyber attack on the power grid in Kyiv.");
        assertTrue(x.report().texts("object_refs").contains(SANDWORM.id()));
        assertTrue(x.objects().contains(SANDWORM), "the known object travels unchanged in the bundle");
        assertTrue(Fixtures.names(x, "threat-actor").isEmpty(), "no second object for a known group");
        assertEquals(1, Fixtures.relationships(x, "uses", SANDWORM.id(),
                Fixtures.named(x, "attack-pattern", "cyber attack").id()).size());
    }

    @Test
    void knownMentionsAreRecordedOnTheReport() {
        Extraction x = extract("Analysts said Voodoo Bear had been quiet for months.");
        var mentions = x.report().property("extensions").orElseThrow().path(Provenance.EXTENSION_ID).path("mentions");
        assertEquals(SANDWORM.id(), mentions.get(0).path("object_ref").asText());
        assertEquals("Voodoo Bear", x.cleanedText().substring(mentions.get(0).path("start").asInt(),
                mentions.get(0).path("end").asInt()));
    }

    @Test
    void commonWordsNeverMatchKnownNames() {
        Extraction x = extract("Officials will say the victim was hit. Will the victim recover? Nobody knows.");
        assertFalse(x.report().texts("object_refs").contains(WILL.id()));
        assertFalse(x.report().texts("object_refs").contains(VICTIM.id()));
    }

    @Test
    void namesMatchOnlyAsWholeWordsAndWithTheirCapitals() {
        Extraction x = extract("The sandworms of the desert and the Sandworming contest drew crowds.");
        assertFalse(x.report().texts("object_refs").contains(SANDWORM.id()));
    }
}
