package org.vigil.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the threat picture asks of the place index: the reporting of some days, in the collections a reader may
 * read (each with the audience it is read as), optionally only about some places or countries.
 *
 * @param scopes the collections to look in, each with who reads it
 * @param from the first day, inclusive
 * @param to the last day, inclusive
 * @param places only links to these place ids (location or identity ids); empty for all
 * @param countries also links to places in these ISO 3166 country codes; empty for none
 */
public record PlaceQuery(List<Scope> scopes, LocalDate from, LocalDate to, Set<String> places, Set<String> countries) {

    public PlaceQuery {
        scopes = List.copyOf(scopes);
        places = Set.copyOf(places);
        countries = Set.copyOf(countries);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** A collection and the audience its rows are read for. */
    public record Scope(UUID collectionId, Audience audience) {
    }
}
