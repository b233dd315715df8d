package org.vigil.stix;

import java.util.UUID;

/**
 * Vigil as a STIX producer: the identity that creates the objects Vigil itself publishes (its
 * extension-definitions, the objects extraction makes), and the namespace of the ids Vigil derives.
 */
public final class Publisher {

    /** The UUIDv5 namespace of every id Vigil derives for objects it makes. */
    public static final java.util.UUID NAMESPACE = UUID.fromString("872a8f47-0976-42ef-bbad-16b980adafdb");

    /** Vigil's identity id. */
    public static final String IDENTITY_ID = Identifier.deterministic("identity", NAMESPACE, "vigil");

    /** When Vigil's published definitions were fixed; they never change, so neither does this. */
    public static final String DEFINED = "2026-11-29T00:00:00.000Z";

    private Publisher() {
    }

    /** Vigil's identity object. */
    public static StixObject identity() {
        return StixObject.builder("identity", IDENTITY_ID)
                .put("created", DEFINED)
                .put("modified", DEFINED)
                .put("name", "Vigil")
                .put("description", "The Vigil threat-intelligence hub, which publishes its STIX extensions and "
                        + "extracts STIX objects from news articles.")
                .put("identity_class", "system")
                .build();
    }
}
