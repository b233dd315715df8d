package org.vigil.stix;

import java.util.Map;
import java.util.Optional;

/**
 * The Traffic Light Protocol levels and the marking-definition ids that carry them: TLP 2.0 (through its
 * extension-definition), TLP 1.0 (predefined in STIX 2.1), and the ids other platforms export. Ordered from
 * least to most restrictive.
 */
public enum Tlp {
    CLEAR, GREEN, AMBER, AMBER_STRICT, RED;

    /** The extension-definition that TLP 2.0 marking-definitions use, with their level in {@code tlp_2_0}. */
    public static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    static final String TLP2_CREATED = "2022-10-01T00:00:00.000Z";
    static final String TLP1_CREATED = "2017-01-20T00:00:00.000Z";

    static final Map<String, Tlp> TLP2_IDS = Map.of(
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", CLEAR,
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", GREEN,
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", AMBER,
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", AMBER_STRICT,
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", RED);

    static final Map<String, Tlp> TLP1_IDS = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", RED);

    /** OpenCTI exports AMBER+STRICT under an id of its own. */
    static final String OPENCTI_AMBER_STRICT = "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37";

    /** The level a marking-definition id stands for, if it is a TLP marking Vigil knows. */
    public static Optional<Tlp> ofMarking(String markingDefinitionId) {
        Tlp level = TLP2_IDS.get(markingDefinitionId);
        if (level == null) {
            level = TLP1_IDS.get(markingDefinitionId);
        }
        if (level == null && OPENCTI_AMBER_STRICT.equals(markingDefinitionId)) {
            level = AMBER_STRICT;
        }
        return Optional.ofNullable(level);
    }

    /** The most restrictive level among marking-definition ids; empty when none of them is a TLP marking. */
    public static Optional<Tlp> mostRestrictiveOf(Iterable<String> markingDefinitionIds) {
        Tlp level = null;
        for (String id : markingDefinitionIds) {
            Tlp t = ofMarking(id).orElse(null);
            if (t != null) {
                level = level == null ? t : level.mostRestrictive(t);
            }
        }
        return Optional.ofNullable(level);
    }

    /** The TLP 2.0 marking-definition id of this level. */
    public String markingId() {
        return TLP2_IDS.entrySet().stream().filter(e -> e.getValue() == this).findFirst().orElseThrow().getKey();
    }

    /** The level's name in TLP 2.0 as written in a {@code tlp_2_0} property: clear, amber+strict... */
    public String label() {
        return name().toLowerCase().replace('_', '+');
    }

    /** The more restrictive of two levels. */
    public Tlp mostRestrictive(Tlp other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
