package org.vigil.picture;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.access.PlaceReporting;
import org.vigil.store.Place;
import org.vigil.store.PlaceLink;

/**
 * The daily stories of each place over a span of days, from what one reader may see: each item counts for the
 * place it names, for the country-level places of that place's country (the roll-up), and a sighting at an
 * identity counts for the places that identity is located at. A story is counted once a day per place, however
 * many copies, collections or places carry it.
 *
 * <p>Counting is the hot part of every picture request, so places and stories are numbered and each (place, day,
 * story) is one long in a set; the sources and objects behind a day are looked up only for the days an answer
 * shows.
 */
final class PlaceSeries {

    final LocalDate start;
    final int span;
    final Map<String, Place> places = new HashMap<>();
    /** Every place with reporting in the span, in the order first met, with its daily story counts. */
    final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<Credit> credits = new ArrayList<>();

    /** One item credited to one place on one day. */
    private record Credit(String place, int day, String source, String objectId, String storyId) {
    }

    private PlaceSeries(LocalDate start, int span) {
        this.start = start;
        this.span = span;
    }

    static PlaceSeries of(PlaceReporting r, LocalDate start, LocalDate end) {
        PlaceSeries s = new PlaceSeries(start, (int) (end.toEpochDay() - start.toEpochDay()) + 1);
        Map<String, List<String>> countryPlaces = new HashMap<>();
        for (Place p : r.places()) {
            s.places.putIfAbsent(p.id(), p);
            if (p.isCountry()) {
                countryPlaces.computeIfAbsent(p.country(), k -> new ArrayList<>()).add(p.id());
            }
        }
        Map<String, Set<String>> identityPlaces = new HashMap<>();
        for (PlaceLink l : r.links()) {
            if (l.itemId().startsWith("identity--") && l.placeId().startsWith("location--")) {
                identityPlaces.computeIfAbsent(l.itemId(), k -> new HashSet<>()).add(l.placeId());
            }
        }
        Map<String, Integer> placeNumbers = new HashMap<>();
        Map<String, Integer> storyNumbers = new HashMap<>();
        Set<Long> counted = new HashSet<>();
        for (PlaceLink l : r.links()) {
            int day = (int) (l.day().toEpochDay() - start.toEpochDay());
            if (l.itemId().startsWith("identity--") || day < 0 || day >= s.span) {
                continue;
            }
            int story = storyNumbers.computeIfAbsent(l.storyId(), k -> storyNumbers.size());
            for (String place : s.credited(l, identityPlaces, countryPlaces)) {
                int number = placeNumbers.computeIfAbsent(place, k -> placeNumbers.size());
                int[] daily = s.counts.computeIfAbsent(place, k -> new int[s.span]);
                if (counted.add(((long) number * s.span + day) << 32 | story)) {
                    daily[day]++;
                }
                s.credits.add(new Credit(place, day, l.createdByRef(), l.objectId(), l.storyId()));
            }
        }
        return s;
    }

    /** The places an item counts for: where it is, where its identity is, and the countries those are in. */
    private List<String> credited(PlaceLink l, Map<String, Set<String>> identityPlaces,
                                  Map<String, List<String>> countryPlaces) {
        Set<String> direct = l.placeId().startsWith("identity--")
                ? identityPlaces.getOrDefault(l.placeId(), Set.of()) : Set.of(l.placeId());
        List<String> all = new ArrayList<>(direct);
        for (String place : direct) {
            Place p = places.get(place);
            if (p != null && p.country() != null) {
                for (String country : countryPlaces.getOrDefault(p.country(), List.of())) {
                    if (!direct.contains(country)) {
                        all.add(country);
                    }
                }
            }
        }
        return all;
    }

    /** A place's daily story counts; zeros for a place without reporting. */
    int[] counts(String place) {
        int[] c = counts.get(place);
        return c == null ? new int[span] : c;
    }

    /** The distinct sources of every day of one place, and the objects behind each, in one pass. */
    Days days(String place) {
        Days d = new Days(span);
        for (Credit c : credits) {
            if (c.place().equals(place)) {
                if (c.source() != null) {
                    d.sources.get(c.day()).add(c.source());
                }
                d.objects.get(c.day()).add(c.objectId());
                d.stories.get(c.day()).add(c.storyId());
            }
        }
        return d;
    }

    /** The sources, objects and stories of each day of one place. */
    static final class Days {
        final List<Set<String>> sources = new ArrayList<>();
        final List<Set<String>> objects = new ArrayList<>();
        final List<Set<String>> stories = new ArrayList<>();

        private Days(int span) {
            for (int i = 0; i < span; i++) {
                sources.add(new HashSet<>(2));
                objects.add(new TreeSet<>());
                stories.add(new TreeSet<>());
            }
        }
    }

    /** The place's name as the reader may see it, or null when they may not see the location. */
    String name(String placeId) {
        Place p = places.get(placeId);
        return p == null ? null : p.name();
    }

    int index(LocalDate day) {
        return (int) (day.toEpochDay() - start.toEpochDay());
    }
}
