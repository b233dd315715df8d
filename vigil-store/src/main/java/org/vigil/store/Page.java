package org.vigil.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of query results in date_added order, whether more follow, and the cursor to fetch them.
 *
 * @param items the results, oldest date_added first
 * @param more whether the query has results after this page
 * @param next where the next page starts; present exactly when {@code more} is true
 */
public record Page<T>(List<T> items, boolean more, Optional<Cursor> next) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
        if (more != next.isPresent()) {
            throw new IllegalArgumentException("a page has a next cursor exactly when more results follow");
        }
    }
}
