package org.vigil.store;

import java.util.Objects;
import java.util.UUID;

/**
 * What one user may do with one collection.
 *
 * @param userId the user
 * @param collectionId the collection
 * @param read whether the user may read it
 * @param write whether the user may add to it and delete from it
 */
public record Grant(UUID userId, UUID collectionId, boolean read, boolean write) {

    public Grant {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(collectionId, "collectionId");
    }
}
