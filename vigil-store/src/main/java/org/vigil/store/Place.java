package org.vigil.store;

import java.util.Set;
import java.util.UUID;
import org.vigil.stix.Tlp;

/**
 * A location as the place index holds it: enough to name it, place it on a map and roll a city up to its country,
 * with its visibility for the access layer to decide on.
 *
 * @param collectionId the collection holding the location
 * @param id its location id
 * @param name its name (else city, region or country), or null
 * @param country its ISO 3166 alpha-2 country code in capitals, or null
 * @param isCountry whether it names a country and nothing finer
 * @param latitude its latitude, or null
 * @param longitude its longitude, or null
 * @param tlp its TLP level, or null when unmarked
 * @param createdByRef its source, or null
 * @param postedBy who posted it, or null
 * @param redRecipients the user ids it names as RED recipients
 */
public record Place(UUID collectionId, String id, String name, String country, boolean isCountry, Double latitude,
                    Double longitude, Tlp tlp, String createdByRef, UUID postedBy, Set<String> redRecipients) {

    public Place {
        redRecipients = Set.copyOf(redRecipients);
    }
}
