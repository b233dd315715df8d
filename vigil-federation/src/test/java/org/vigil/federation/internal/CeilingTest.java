package org.vigil.federation.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;

class CeilingTest {

    private static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    private static final String AMBER_STRICT = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    private static final String AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";

    private static StixObject note(List<String> markings) {
        StixObject.Builder b = StixObject.builder("note", "note--6b3c2d4e-0f1a-4b5c-8d7e-9f0a1b2c3d4e")
                .put("created", "2026-05-01T08:00:00.000Z").put("modified", "2026-05-01T08:00:00.000Z")
                .put("content", "x").put("object_refs", List.of("indicator--6b3c2d4e-0f1a-4b5c-8d7e-9f0a1b2c3d4f"));
        if (!markings.isEmpty()) {
            b.put("object_marking_refs", markings);
        }
        return b.build();
    }

    @Test
    void redAndAmberStrictAreAboveAnAmberCeilingAndAmberIsNot() {
        assertTrue(Ceiling.above(note(List.of(RED)), Tlp.AMBER));
        assertTrue(Ceiling.above(note(List.of(AMBER, AMBER_STRICT)), Tlp.AMBER), "the most restrictive marking counts");
        assertFalse(Ceiling.above(note(List.of(AMBER)), Tlp.AMBER));
        assertFalse(Ceiling.above(note(List.of()), Tlp.CLEAR), "unmarked objects take the local default");
    }

    @Test
    void aRedGranularMarkingLiftsTheObjectAboveTheCeiling() {
        var granular = JsonNodeFactory.instance.arrayNode();
        granular.addObject().put("marking_ref", RED).putArray("selectors").add("content");
        assertTrue(Ceiling.above(note(List.of(AMBER)).with("granular_markings", granular), Tlp.AMBER));
    }
}
