package org.vigil.store;

import java.util.UUID;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;

/**
 * One version of an object as a collection holds it, with the columns policy needs without parsing the JSON.
 *
 * @param collectionId the collection that holds this version
 * @param id the STIX id
 * @param type the STIX type
 * @param specVersion the STIX spec version, e.g. {@code 2.1}
 * @param version the TAXII version: modified, else created, else date_added, as a TAXII timestamp
 * @param dateAdded when the collection received this version, as a TAXII timestamp with microseconds
 * @param createdByRef the object's created_by_ref, or null
 * @param postedBy the user who posted this version, or null for an import made without a user
 * @param tlp the most restrictive TLP marking among its object_marking_refs, or null when it has none
 * @param granularMarkings whether the object carries granular_markings
 * @param json the object as it was added
 */
public record StoredObject(UUID collectionId, String id, String type, String specVersion, String version,
                           String dateAdded, String createdByRef, UUID postedBy, Tlp tlp, boolean granularMarkings,
                           String json) {

    /** The object, parsed. */
    public StixObject object() {
        return StixJson.parse(json);
    }
}
