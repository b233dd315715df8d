package org.vigil.extract;

/**
 * A place the gazetteer knows: a city, a first-level administrative area, a country, or a sea or region.
 * {@code key} is stable across releases ("geonames:491422", "country:RU", "admin1:US.GA", "region:black-sea")
 * and so gives the place's STIX id. Latitude and longitude are NaN when the place has no single point
 * (countries, administrative areas, continents); {@code precision} is a radius in metres, or NaN.
 */
public record Place(String key, String name, Kind kind, String countryCode, String adminCode, String adminName,
                    double latitude, double longitude, double precision, long population, boolean capital,
                    String region) {

    /** What sort of place this is. */
    public enum Kind { CITY, ADMIN_AREA, COUNTRY, REGION }

    public boolean hasCoordinates() {
        return !Double.isNaN(latitude) && !Double.isNaN(longitude);
    }

    /** Great-circle distance in kilometres, or +infinity when either place has no coordinates. */
    public double kilometresTo(Place other) {
        if (!hasCoordinates() || !other.hasCoordinates()) {
            return Double.POSITIVE_INFINITY;
        }
        double p1 = Math.toRadians(latitude);
        double p2 = Math.toRadians(other.latitude);
        double dp = p2 - p1;
        double dl = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
