package org.vigil.store;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.vigil.stix.Tlp;

/**
 * One row of the place index: an item (a report, a sighting, an SDO tied to a place) that an object says concerns
 * a place on a day, with the indexed object's visibility for the access layer to decide on.
 *
 * @param collectionId the collection holding the indexed object
 * @param objectId the indexed object (the report, sighting or relationship)
 * @param itemId what counts: the report, the sighting, or the SDO a relationship ties to the place
 * @param placeId a location id, or an identity id where a sighting names one
 * @param day the day the item describes (UTC)
 * @param storyId the story the item belongs to: the original it is a duplicate-of, else itself
 * @param tlp the indexed object's TLP level, or null when unmarked (the collection's default applies)
 * @param createdByRef the indexed object's source, or null
 * @param postedBy who posted its newest version, or null
 * @param redRecipients the user ids it names as RED recipients
 */
public record PlaceLink(UUID collectionId, String objectId, String itemId, String placeId, LocalDate day,
                        String storyId, Tlp tlp, String createdByRef, UUID postedBy, Set<String> redRecipients) {

    public PlaceLink {
        redRecipients = Set.copyOf(redRecipients);
    }
}
