package org.vigil.extract.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RelationTypesTest {

    @Test
    void typesStixDefinesForThePairAreKept() {
        assertEquals("uses", RelationTypes.of("threat-actor", "uses", "attack-pattern"));
        assertEquals("targets", RelationTypes.of("attack-pattern", "targets", "location"));
        assertEquals("located-at", RelationTypes.of("identity", "located-at", "location"));
        assertEquals("uses", RelationTypes.of("intrusion-set", "uses", "attack-pattern"));
    }

    @Test
    void anyOtherPairFallsBackToRelatedTo() {
        assertEquals("related-to", RelationTypes.of("identity", "located-at", "threat-actor"));
        assertEquals("related-to", RelationTypes.of("location", "targets", "identity"));
        assertEquals("related-to", RelationTypes.of("identity", "uses", "attack-pattern"));
    }
}
