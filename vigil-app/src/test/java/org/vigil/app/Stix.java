package org.vigil.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.vigil.access.RedRecipients;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;

/** STIX objects for the end-to-end tests, and the marking-definition ids of docs/sharing-model.md. */
final class Stix {

    // TLP 2.0
    static final String CLEAR = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    static final String AMBER = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    static final String AMBER_STRICT = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    // TLP 1.0
    static final String WHITE_1 = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
    static final String GREEN_1 = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    static final String AMBER_1 = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    static final String RED_1 = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";
    // OpenCTI
    static final String OPENCTI_AMBER_STRICT = "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37";

    private static final Instant BASE = Instant.parse("2026-05-01T08:00:00Z");

    private Stix() {
    }

    static String newId(String type) {
        return type + "--" + UUID.randomUUID();
    }

    /** A STIX timestamp {@code n} seconds after a fixed base, with milliseconds. */
    static String time(int n) {
        String s = BASE.plusSeconds(n).toString();
        return s.substring(0, s.length() - 1) + ".000Z";
    }

    /** An indicator named {@code name}, created at second 0 and modified at second {@code version}. */
    static StixObject indicator(String id, String name, int version) {
        return StixObject.builder("indicator", id)
                .put("created", time(0))
                .put("modified", time(version))
                .put("name", name)
                .put("description", "details of " + name)
                .put("pattern", "[ipv4-addr:value = '198.51.100." + (Math.abs(name.hashCode()) % 250 + 1) + "']")
                .put("pattern_type", "stix")
                .put("valid_from", time(0))
                .build();
    }

    static StixObject indicator(String name) {
        return indicator(newId("indicator"), name, 1);
    }

    /** A malware object, for filters by type. */
    static StixObject malware(String name) {
        return StixObject.builder("malware", newId("malware"))
                .put("created", time(0))
                .put("modified", time(1))
                .put("name", name)
                .put("is_family", true)
                .build();
    }

    /** An IPv4 address: a cyber-observable, which has no created or modified, so no version of its own. */
    static StixObject ipv4(String value) {
        return StixObject.builder("ipv4-addr", newId("ipv4-addr")).put("value", value).build();
    }

    /** The object with these object markings. */
    static StixObject marked(StixObject o, String... markingIds) {
        return o.with("object_marking_refs", array(List.of(markingIds)));
    }

    /** The object naming these users as its TLP:RED recipients, in Vigil's property extension. */
    static StixObject redRecipients(StixObject o, Set<String> userIds) {
        ObjectNode extensions = StixJson.newObjectNode();
        extensions.set(RedRecipients.EXTENSION_ID, RedRecipients.entry(userIds));
        return o.with("extensions", extensions);
    }

    /** The object with a granular marking over some of its properties. */
    static StixObject granular(StixObject o, String markingId, String... selectors) {
        ArrayNode markings = StixJson.newObjectNode().arrayNode();
        ObjectNode m = markings.addObject();
        m.put("marking_ref", markingId);
        m.set("selectors", array(List.of(selectors)));
        return o.with("granular_markings", markings);
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = StixJson.newObjectNode().arrayNode();
        values.forEach(a::add);
        return a;
    }
}
