package org.vigil.screen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.stix.Identifier;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;

/**
 * The Vigil property extension that gives a person of interest's date of birth and nationality, which STIX has no
 * property for, and the extension-definition Vigil publishes for it. On a threat-actor or identity it reads:
 * <pre>"extensions": {"extension-definition--…": {"extension_type": "property-extension",
 *                  "birth_date": "1964-04-13", "nationality": "RU", "aliases": ["Доку Умаров"]}}</pre>
 */
public final class PersonDetails {

    /** The id of the extension-definition; objects name it as the key under {@code extensions}. */
    public static final String EXTENSION_ID = Identifier.deterministic("extension-definition", Publisher.NAMESPACE,
            "person-details/1.0");

    private static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "title": "Vigil person details",
             "type": "object",
             "properties": {
               "extension_type": {"const": "property-extension"},
               "birth_date": {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
                              "description": "YYYY-MM-DD, or YYYY-MM or YYYY when only those are known"},
               "nationality": {"type": "string", "pattern": "^[A-Z]{2}$",
                               "description": "ISO 3166-1 alpha-2 country code"},
               "aliases": {"type": "array", "items": {"type": "string"},
                           "description": "other names of the person, in any script (identity has no aliases of its own)"}
             },
             "required": ["extension_type"]}""";

    private PersonDetails() {
    }

    /** The extension-definition Vigil publishes so that any STIX tool can read what the properties mean. */
    public static StixObject definition() {
        return StixObject.builder("extension-definition", EXTENSION_ID)
                .put("created_by_ref", Publisher.IDENTITY_ID)
                .put("created", Publisher.DEFINED).put("modified", Publisher.DEFINED)
                .put("name", "Vigil person details")
                .put("description", "What screening needs to know of a person of interest besides names: "
                        + "birth_date (YYYY-MM-DD, YYYY-MM or YYYY), nationality (ISO 3166-1 alpha-2) and, for identities, "
                        + "which have none in STIX, aliases. On "
                        + "threat-actor objects with resource_level individual and on identity objects with "
                        + "identity_class individual.")
                .put("schema", SCHEMA)
                .put("version", "1.0")
                .put("extension_types", List.of("property-extension"))
                .build();
    }

    /** The date of birth an object gives, if it gives a well-formed one. */
    public static Optional<String> birthDate(StixObject object) {
        return text(object, "birth_date").filter(BirthDate::valid);
    }

    /** The nationality an object gives, upper-cased, if it gives a two-letter code. */
    public static Optional<String> nationality(StixObject object) {
        return text(object, "nationality").map(s -> s.toUpperCase(Locale.ROOT)).filter(s -> s.matches("[A-Z]{2}"));
    }

    /** The aliases an object gives in the extension, or none. */
    public static List<String> aliases(StixObject object) {
        List<String> out = new java.util.ArrayList<>();
        object.property("extensions").map(e -> e.path(EXTENSION_ID).path("aliases")).ifPresent(list -> {
            for (JsonNode a : list) {
                if (a.isTextual()) {
                    out.add(a.textValue());
                }
            }
        });
        return out;
    }

    /** The extensions entry for callers that build objects; either value may be null. */
    public static JsonNode entry(String birthDate, String nationality) {
        var node = StixJson.newObjectNode();
        node.put("extension_type", "property-extension");
        if (birthDate != null) {
            node.put("birth_date", birthDate);
        }
        if (nationality != null) {
            node.put("nationality", nationality);
        }
        return node;
    }

    private static Optional<String> text(StixObject object, String property) {
        return object.property("extensions").map(e -> e.path(EXTENSION_ID).path(property))
                .filter(JsonNode::isTextual).map(JsonNode::textValue);
    }
}
