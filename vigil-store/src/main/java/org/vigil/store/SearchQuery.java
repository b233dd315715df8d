package org.vigil.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What full-text search asks of the store: words, in the collections a reader may read (each with its audience),
 * newest first, continuing after a position.
 *
 * @param words the words to find, each matched as a prefix; at least one
 * @param scopes the collections to look in, each with who reads it
 * @param types only objects of these types; empty for all
 * @param from only objects modified at or after this instant, or null
 * @param to only objects modified at or before this instant, or null
 * @param after where a previous page ended, or null for the first page
 * @param limit the most rows to return
 * @param places only objects whose newest version references one of these ids (a location, say); empty for all;
 *               at most {@link #MAX_PLACES}
 * @param sources only objects created by one of these identities (created_by_ref); empty for all
 */
public record SearchQuery(List<String> words, List<PlaceQuery.Scope> scopes, List<String> types, Instant from,
                          Instant to, Position after, int limit, List<String> places, List<String> sources) {

    /** The most ids one place or source filter may name. */
    public static final int MAX_FILTER_IDS = 50;
    /** The most places a search may name once the countries among them are rolled up into their places. */
    public static final int MAX_PLACES = 5_000;

    public SearchQuery(List<String> words, List<PlaceQuery.Scope> scopes, List<String> types, Instant from,
                       Instant to, Position after, int limit) {
        this(words, scopes, types, from, to, after, limit, List.of(), List.of());
    }

    public SearchQuery {
        words = List.copyOf(words);
        scopes = List.copyOf(scopes);
        types = List.copyOf(types);
        places = List.copyOf(places);
        sources = List.copyOf(sources);
        if (places.size() > MAX_PLACES || sources.size() > MAX_FILTER_IDS) {
            throw new IllegalArgumentException("a search may name at most " + MAX_PLACES
                    + " places (countries rolled up) and " + MAX_FILTER_IDS + " sources");
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one word");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** A row's place in the order (newest first): its modified time in microseconds and its row number. */
    public record Position(long modifiedMicros, long row) {
        public Position {
            Objects.requireNonNull(Long.valueOf(row));
        }
    }

    /**
     * One matching object, with what the access layer needs to decide whether the reader may know of it.
     *
     * @param tlp the object's TLP, or null when unmarked (the collection's default applies)
     */
    public record Hit(java.util.UUID collectionId, String objectId, String type, String name, Instant modified,
                      org.vigil.stix.Tlp tlp, String createdByRef, java.util.UUID postedBy,
                      java.util.Set<String> redRecipients, Position position) {
    }
}
