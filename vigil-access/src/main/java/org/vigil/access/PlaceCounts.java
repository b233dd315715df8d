package org.vigil.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.vigil.store.Place;

/**
 * How much reporting one reader may see about each place, day by day: the stories (copies counted once) and the
 * distinct sources behind them. Counts name no object; the reporting behind a day is read with
 * {@link ReadPath#placeReporting}.
 *
 * @param start the first day counted
 * @param span how many days are counted
 * @param stories each place with reporting in the span, with its daily story counts ({@code span} long)
 * @param sources the same places with the number of distinct sources of each day
 * @param places the locations the reader may see
 */
public record PlaceCounts(LocalDate start, int span, Map<String, int[]> stories, Map<String, int[]> sources,
                          List<Place> places) {

    public PlaceCounts {
        stories = Map.copyOf(stories);
        sources = Map.copyOf(sources);
        places = List.copyOf(places);
    }
}
