package org.vigil.federation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.vigil.stix.Identifier;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixObject;

/**
 * Where a federated object came from: {@code extensions."extension-definition--…" = {feed, remote_url}}. Vigil's
 * extraction provenance extension (vigil-extract) requires the sentences an object was extracted from, which a
 * relayed object does not have, so federation defines this small property extension of its own. It records no
 * time, so the same object relayed again is the same content and is recognised as held.
 */
public final class FederationProvenance {

    /** The extension-definition's id, which is also the key under {@code extensions}. */
    public static final String EXTENSION_ID =
            Identifier.deterministic("extension-definition", Publisher.NAMESPACE, "vigil-federation-provenance/1.0");

    static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "title": "Vigil federation provenance",
             "type": "object",
             "properties": {
               "extension_type": {"const": "property-extension"},
               "feed": {"type": "string", "description": "the name of the Vigil feed that brought the object in"},
               "remote_url": {"type": "string", "description": "the TAXII collection it was pulled from"}
             },
             "required": ["extension_type", "feed", "remote_url"]}""";

    private FederationProvenance() {
    }

    /** The extension-definition, published by Vigil's own identity. */
    public static StixObject extensionDefinition() {
        return StixObject.builder("extension-definition", EXTENSION_ID)
                .put("created_by_ref", Publisher.IDENTITY_ID)
                .put("created", Publisher.DEFINED)
                .put("modified", Publisher.DEFINED)
                .put("name", "Vigil federation provenance")
                .put("description", "The Vigil feed that brought an object in from another TAXII server, and the "
                        + "URL of the remote collection it came from.")
                .put("schema", SCHEMA)
                .put("version", "1.0.0")
                .put("extension_types", List.of("property-extension"))
                .build();
    }

    /** The object with this feed and remote collection recorded (replacing an earlier hop's record). */
    public static StixObject mark(StixObject object, String feed, String remoteUrl) {
        ObjectNode extensions = object.property("extensions").filter(e -> e.isObject())
                .map(e -> ((ObjectNode) e).deepCopy()).orElseGet(JsonNodeFactory.instance::objectNode);
        ObjectNode ours = extensions.putObject(EXTENSION_ID);
        ours.put("extension_type", "property-extension");
        ours.put("feed", feed);
        ours.put("remote_url", remoteUrl);
        return object.with("extensions", extensions);
    }

    /** The feed an object records, or null. */
    public static String feed(StixObject object) {
        return object.property("extensions").map(e -> e.path(EXTENSION_ID).path("feed").asText(null)).orElse(null);
    }
}
