package org.vigil.store;

import java.util.UUID;

/**
 * Receives the place index's rows as stored, one at a time, for a copy of the index kept in memory. Links arrive
 * unmerged: their {@link PlaceLink#storyId()} is the item itself, and duplicate-of relationships arrive as
 * {@link Copy} rows for the reader to merge, so that a copy marked later changes the stories of links read before.
 */
public interface PlaceIndexRows {

    void link(PlaceLink link);

    void copy(Copy copy);

    /** A duplicate-of relationship: within its collection, {@code copyId} tells the story of {@code originalId}. */
    record Copy(UUID collectionId, String objectId, String copyId, String originalId) {
    }

    /** One indexed object: the collection that holds it and its id. */
    record Key(UUID collectionId, String objectId) {
    }
}
