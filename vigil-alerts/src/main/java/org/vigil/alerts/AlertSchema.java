package org.vigil.alerts;

import java.util.List;
import java.util.UUID;
import org.vigil.stix.Identifier;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.Collection;

/**
 * The STIX side of travel alerts: the Vigil-defined object type, the extension-definition that declares it (a
 * new-sdo extension, published in the alerts collection so that every partner who receives an alert can read
 * what it means), and the two collections alerts live in.
 */
public final class AlertSchema {

    /** The object type of alert messages. */
    public static final String TYPE = "vigil-travel-alert";

    /** The id of the extension-definition; every alert names it under {@code extensions}. */
    public static final String EXTENSION_ID = Identifier.deterministic("extension-definition", Publisher.NAMESPACE,
            "travel-alert/1.0");

    /** The public collection of published alerts; anyone may read it, and everything in it is TLP:CLEAR. */
    public static final UUID PUBLISHED = UUID.nameUUIDFromBytes("vigil:travel-alerts".getBytes());

    /**
     * Drafts, before review: a private collection whose unmarked objects are AMBER+STRICT, so a draft reaches
     * only its own organisation (and the publishers in it).
     */
    public static final UUID DRAFTS = UUID.nameUUIDFromBytes("vigil:travel-alert-drafts".getBytes());

    private static final String SCHEMA = """
            {"type": "object",
             "required": ["msg_type", "workflow_status", "advisory_level", "headline", "description", "effective",
                          "expires"],
             "properties": {
               "msg_type": {"enum": ["alert", "update", "cancel"]},
               "workflow_status": {"enum": ["draft", "reviewed", "published"]},
               "drafted_by": {"type": "string"}, "reviewed_by": {"type": "string"},
               "advisory_level": {"type": "integer", "minimum": 1, "maximum": 4},
               "advisory_level_name": {"type": "string"},
               "headline": {"type": "string"}, "description": {"type": "string"}, "instruction": {"type": "string"},
               "risks": {"type": "array", "items": {"type": "string"}},
               "place_refs": {"type": "array", "items": {"type": "string", "pattern": "^location--"}},
               "evidence_refs": {"type": "array", "items": {"type": "string"}},
               "areas": {"type": "array", "items": {"type": "object", "properties": {
                 "place_ref": {"type": "string"}, "name": {"type": "string"},
                 "latitude": {"type": "number"}, "longitude": {"type": "number"},
                 "radius_km": {"type": "number"}, "country": {"type": "string"}}}},
               "effective": {"type": "string"}, "expires": {"type": "string"}, "sent": {"type": "string"},
               "replaces_refs": {"type": "array", "items": {"type": "string"}}
             }}""";

    private AlertSchema() {
    }

    /** The extension-definition of the alert type. */
    public static StixObject definition() {
        return StixObject.builder("extension-definition", EXTENSION_ID)
                .put("created_by_ref", Publisher.IDENTITY_ID)
                .put("created", Publisher.DEFINED).put("modified", Publisher.DEFINED)
                .put("name", "Vigil travel alert")
                .put("description", "A travel advisory message in the manner of CAP 1.2: an alert, an update or a "
                        + "cancellation (msg_type), its level 1-4 (1 Exercise normal precautions, 2 Exercise increased "
                        + "caution, 3 Reconsider travel, 4 Do not travel), the risks behind it, the places it covers "
                        + "and the earlier messages it replaces (replaces_refs, oldest first).")
                .put("schema", SCHEMA)
                .put("version", "1.0")
                .put("extension_types", List.of("new-sdo"))
                .put("object_marking_refs", List.of(Tlp.CLEAR.markingId()))
                .build();
    }

    /** The public collection of published alerts, in an API root. */
    public static Collection published(String apiRoot) {
        return new Collection(PUBLISHED, apiRoot, "Travel alerts", "Published travel advisories (also at "
                + "/alerts/feed.atom and in CAP 1.2 at /alerts/{id}.cap)", "travel-alerts",
                List.of(Collection.STIX_MEDIA_TYPE), true, Tlp.CLEAR);
    }

    /** The private collection of drafts, in an API root. */
    public static Collection drafts(String apiRoot) {
        return new Collection(DRAFTS, apiRoot, "Travel alert drafts", "Drafts awaiting review and publication",
                "travel-alert-drafts", List.of(Collection.STIX_MEDIA_TYPE), false, Tlp.AMBER_STRICT);
    }
}
