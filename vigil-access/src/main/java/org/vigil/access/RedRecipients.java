package org.vigil.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vigil.stix.Identifier;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;

/**
 * The Vigil property extension in which a source names the users allowed to read a TLP:RED object, and the
 * extension-definition that Vigil publishes for it. On an object it reads:
 * <pre>"extensions": {"extension-definition--…": {"extension_type": "property-extension",
 *                  "recipients": ["&lt;user id&gt;", …]}}</pre>
 */
public final class RedRecipients {

    /** The id of the extension-definition; objects name it as the key under {@code extensions}. */
    public static final String EXTENSION_ID = Identifier.deterministic("extension-definition", Publisher.NAMESPACE,
            "red-recipients/1.0");

    private RedRecipients() {
    }

    /** The user ids an object names as its RED recipients; empty when it names none. */
    public static Set<String> of(StixObject object) {
        Set<String> out = new LinkedHashSet<>();
        object.property("extensions").map(e -> e.path(EXTENSION_ID).path("recipients")).ifPresent(list -> {
            for (JsonNode id : list) {
                if (id.isTextual()) {
                    out.add(id.textValue());
                }
            }
        });
        return out;
    }

    /** The extension-definition Vigil publishes so that any STIX tool can read what the property means. */
    public static StixObject definition() {
        return StixObject.builder("extension-definition", EXTENSION_ID)
                .put("created_by_ref", Publisher.IDENTITY_ID)
                .put("created", Publisher.DEFINED).put("modified", Publisher.DEFINED)
                .put("name", "Vigil TLP:RED recipients")
                .put("description", "Names the users who may read a TLP:RED object, besides the user who posted it. "
                        + "Property 'recipients': a non-empty list of Vigil user ids.")
                .put("schema", "{\"type\":\"object\",\"properties\":{\"extension_type\":{\"const\":\"property-extension\"},"
                        + "\"recipients\":{\"type\":\"array\",\"minItems\":1,\"items\":{\"type\":\"string\"}}},"
                        + "\"required\":[\"extension_type\",\"recipients\"]}")
                .put("version", "1.0")
                .put("extension_types", List.of("property-extension"))
                .build();
    }

    /** The extensions entry naming {@code userIds} as recipients, for callers that build objects. */
    public static JsonNode entry(Set<String> userIds) {
        var node = StixJson.newObjectNode();
        node.put("extension_type", "property-extension");
        var list = node.putArray("recipients");
        userIds.forEach(list::add);
        return node;
    }
}
