package org.vigil.alerts;

/**
 * Where an alert applies: a location's name, its point and radius when it has coordinates, and its country.
 *
 * @param placeRef the STIX location it came from
 * @param name what to call it (CAP's areaDesc)
 * @param latitude degrees, or null when the location gives none
 * @param longitude degrees, or null when the location gives none
 * @param radiusKm the radius of the circle around the point, in kilometres
 * @param country the ISO 3166-1 alpha-2 code, or null
 */
public record Area(String placeRef, String name, Double latitude, Double longitude, double radiusKm, String country) {

    /** Whether the area has a point to draw a circle around. */
    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }
}
