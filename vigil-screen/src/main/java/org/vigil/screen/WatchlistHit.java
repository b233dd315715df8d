package org.vigil.screen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.vigil.stix.Identifier;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;

/**
 * The Vigil property extension on a sighting that continuous screening records: which new object the person of
 * interest was seen through, the name screened, the name it matched, the score and the reason. On a sighting it
 * reads:
 * <pre>"extensions": {"extension-definition--…": {"extension_type": "property-extension",
 *   "observed_ref": "identity--…", "report_refs": ["report--…"], "name": "Доку Умаров", "matched": "Doku Umarov",
 *   "score": 0.97, "why": "…"}}</pre>
 * STIX's observed_data_refs may name observed-data only, hence an extension rather than a core property.
 */
public final class WatchlistHit {

    /** The id of the extension-definition; webhooks (vigil-alerts) recognise a hit by it. */
    public static final String EXTENSION_ID = Identifier.deterministic("extension-definition", Publisher.NAMESPACE,
            "watchlist-hit/1.0");

    private static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "title": "Vigil watchlist hit",
             "type": "object",
             "properties": {
               "extension_type": {"const": "property-extension"},
               "observed_ref": {"type": "string", "description": "the new object the person was seen through"},
               "report_refs": {"type": "array", "items": {"type": "string"},
                               "description": "reports that name the new object"},
               "name": {"type": "string", "description": "the name screened"},
               "matched": {"type": "string", "description": "the person of interest's name or alias it matched"},
               "score": {"type": "number", "minimum": 0, "maximum": 1},
               "why": {"type": "string"}
             },
             "required": ["extension_type", "observed_ref", "score"]}""";

    private WatchlistHit() {
    }

    /** The extension-definition Vigil publishes so that any STIX tool can read what the properties mean. */
    public static StixObject definition() {
        return StixObject.builder("extension-definition", EXTENSION_ID)
                .put("created_by_ref", Publisher.IDENTITY_ID)
                .put("created", Publisher.DEFINED).put("modified", Publisher.DEFINED)
                .put("name", "Vigil watchlist hit")
                .put("description", "On a sighting of a person of interest that Vigil's continuous screening "
                        + "recorded: observed_ref (the new object the person was seen through), report_refs, the name "
                        + "screened, the name it matched, the score (0 to 1) and the reason.")
                .put("schema", SCHEMA)
                .put("version", "1.0")
                .put("extension_types", List.of("property-extension"))
                .build();
    }

    /** The extensions entry of one hit. */
    static ObjectNode entry(String observedRef, List<String> reportRefs, Match m, String screenedName) {
        ObjectNode node = StixJson.newObjectNode();
        node.put("extension_type", "property-extension");
        node.put("observed_ref", observedRef);
        if (!reportRefs.isEmpty()) {
            reportRefs.forEach(node.putArray("report_refs")::add);
        }
        node.put("name", screenedName);
        node.put("matched", m.matched());
        node.put("score", Math.round(m.score() * 1000) / 1000.0);
        node.put("why", m.why());
        return node;
    }

    /** The new object a sighting says the person was seen through, if the sighting is a watchlist hit. */
    public static Optional<String> observedRef(StixObject sighting) {
        return sighting.property("extensions").map(e -> e.path(EXTENSION_ID).path("observed_ref"))
                .filter(n -> n.isTextual()).map(n -> n.textValue());
    }
}
