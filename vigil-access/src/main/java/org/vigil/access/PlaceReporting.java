package org.vigil.access;

import java.util.List;
import org.vigil.store.Place;
import org.vigil.store.PlaceLink;

/**
 * The reporting about places that one reader may see, and the locations they may see: the raw material of the
 * threat picture, already decided row by row by the marking policy.
 *
 * @param links what reports, sightings and relationships the reader may see say about which place and day
 * @param places the locations the reader may see
 */
public record PlaceReporting(List<PlaceLink> links, List<Place> places) {

    public PlaceReporting {
        links = List.copyOf(links);
        places = List.copyOf(places);
    }
}
