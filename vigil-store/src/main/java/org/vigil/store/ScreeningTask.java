package org.vigil.store;

import java.util.Objects;
import java.util.UUID;

/**
 * A person waiting to be screened: one version of an individual identity or threat-actor, as it was added to one
 * collection. The store queues one for every such version it stores, in the same transaction.
 *
 * @param collectionId the collection the version was added to
 * @param objectId the object's id
 * @param version the version (its modified, or the date added for objects without one)
 * @param dateAdded when the collection received it
 */
public record ScreeningTask(UUID collectionId, String objectId, String version, String dateAdded) {

    public ScreeningTask {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dateAdded, "dateAdded");
    }

    /** Whether the store queues an object for screening: individuals, as identities or as threat-actors. */
    public static boolean concerns(org.vigil.stix.StixObject object) {
        return switch (object.type()) {
            case "identity" -> "individual".equals(object.text("identity_class"));
            case "threat-actor" -> "individual".equals(object.text("resource_level"));
            default -> false;
        };
    }
}
