package org.vigil.store.internal;

import java.util.UUID;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;

/**
 * An object of an add batch with the columns the store files it under, read before the write transaction
 * starts so that a malformed object fails the call without holding the write lock.
 *
 * @param object the object
 * @param id its id
 * @param type its type
 * @param specVersion its spec version
 * @param version modified, else created, in microseconds; null when it has neither
 * @param createdByRef its created_by_ref, or null
 * @param tlp the stored code of its most restrictive TLP marking, or null
 * @param granularMarkings whether it has granular markings
 * @param json its JSON text
 */
record IncomingObject(StixObject object, String id, String type, String specVersion, Long version,
                      String createdByRef, Integer tlp, boolean granularMarkings, String json) {

    static IncomingObject of(UUID collectionId, int index, StixObject object) {
        String id = object.id();
        String type = object.type();
        if (id == null || type == null) {
            throw new IllegalArgumentException("object " + index + " of the batch for collection " + collectionId
                    + " has no " + (id == null ? "id" : "type") + "; validate objects before storing them");
        }
        Long version;
        try {
            version = object.version().map(Micros::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("object " + id + " for collection " + collectionId
                    + " has a malformed version timestamp: " + e.getMessage(), e);
        }
        return new IncomingObject(object, id, type, object.specVersion(), version, object.text("created_by_ref"),
                tlpCode(object), object.has("granular_markings"), object.toJson());
    }

    private static Integer tlpCode(StixObject object) {
        return Tlp.mostRestrictiveOf(object.texts("object_marking_refs")).map(TlpCode::of).orElse(null);
    }
}
