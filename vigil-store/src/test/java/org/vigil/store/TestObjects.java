package org.vigil.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;

/** STIX objects for tests, built in code. */
public final class TestObjects {

    /** A fixed instant that test timestamps count from. */
    private static final Instant BASE = Instant.parse("2024-03-01T10:00:00Z");

    private TestObjects() {
    }

    public static String newId(String type) {
        return type + "--" + UUID.randomUUID();
    }

    /** A STIX timestamp {@code n} seconds after a fixed base, with millisecond precision. */
    public static String time(int n) {
        String s = BASE.plusSeconds(n).toString();
        return s.substring(0, s.length() - 1) + ".000Z";
    }

    /** An SDO of a type at a version (its modified), created at second 0, in spec version 2.1. */
    public static StixObject sdo(String type, String id, String modified) {
        return StixObject.builder(type, id)
                .put("created", time(0))
                .put("modified", modified)
                .put("name", type + " " + id.substring(id.length() - 4) + " @ " + modified)
                .build();
    }

    /** An indicator at a version. */
    public static StixObject indicator(String id, String modified) {
        return StixObject.builder("indicator", id)
                .put("created", time(0))
                .put("modified", modified)
                .put("pattern", "[ipv4-addr:value = '198.51.100.1']")
                .put("pattern_type", "stix")
                .put("valid_from", time(0))
                .build();
    }

    /** The same object, claiming another spec version. */
    public static StixObject inSpec(StixObject object, String specVersion) {
        return object.with("spec_version", specVersion);
    }

    /** A cyber-observable: it has no created or modified, so its version is its date_added. */
    public static StixObject ipv4(String id, String value) {
        return StixObject.builder("ipv4-addr", id).put("value", value).build();
    }

    /** An object marked with TLP markings. */
    public static StixObject marked(String id, List<Tlp> levels) {
        return StixObject.builder("report", id)
                .put("created", time(0))
                .put("modified", time(1))
                .put("name", "marked")
                .put("published", time(0))
                .put("object_refs", List.of("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"))
                .put("object_marking_refs", levels.stream().map(Tlp::markingId).toList())
                .build();
    }

    /** A TLP:RED object whose extension names {@code recipient} among its recipients. */
    public static StixObject redFor(String id, String recipient) {
        com.fasterxml.jackson.databind.node.ObjectNode extensions = org.vigil.stix.StixJson.newObjectNode();
        extensions.putObject("extension-definition--7a1d8d3a-3c49-5f4e-9d6c-6a8b3d9e2f10")
                .put("extension_type", "property-extension").putArray("recipients").add(recipient);
        return marked(id, List.of(Tlp.RED)).with("extensions", extensions);
    }
}
