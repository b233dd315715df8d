package org.vigil.access;

import java.util.List;
import java.util.Optional;
import org.vigil.store.Cursor;

/**
 * One page of what a reader may see, and nothing else: {@code more}, {@code next} and the date-added range are
 * worked out from the visible items only, so none of them betrays a hidden object.
 *
 * @param items the visible items, oldest date_added first
 * @param more whether another visible item follows
 * @param next where the next page starts, present exactly when {@code more}
 * @param dateAddedFirst the date_added of the first item, or null for an empty page
 * @param dateAddedLast the date_added of the last item, or null for an empty page
 */
public record ObjectsPage<T>(List<T> items, boolean more, Optional<Cursor> next, String dateAddedFirst,
                             String dateAddedLast) {

    public ObjectsPage {
        items = List.copyOf(items);
    }
}
