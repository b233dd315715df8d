package org.vigil.access;

import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;

/**
 * An object as the read path releases it to one reader: its JSON exactly as that reader may see it. Most objects
 * pass through as stored, unparsed; only those that granular markings redact are rebuilt.
 *
 * @param id the object's id
 * @param json the object's JSON, redacted for the reader where needed
 */
public record ReleasedObject(String id, String json) {

    /** The object, parsed; egress paths that only forward JSON need not pay for this. */
    public StixObject object() {
        return StixJson.parse(json);
    }
}
