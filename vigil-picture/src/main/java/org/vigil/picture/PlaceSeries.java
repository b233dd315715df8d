package org.vigil.picture;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.access.PlaceReporting;
import org.vigil.store.Place;
import org.vigil.store.PlaceLink;

/**
 * The daily stories of each place over a span of days, from what one reader may see: each item counts for the
 * place it names, for the country-level places of that place's country (the roll-up), and a sighting at an
 * identity counts for the places that identity is located at. A story is counted once a day per place, however
 * many copies, collections or places carry it.
 */
final class PlaceSeries {

    /** One place's days: the stories of each day, their sources, and the objects that said so. */
    static final class Days {
        final List<Set<String>> stories;
        final List<Set<String>> sources;
        final List<Set<String>> objects;

        Days(int span) {
            stories = new ArrayList<>(span);
            sources = new ArrayList<>(span);
            objects = new ArrayList<>(span);
            for (int i = 0; i < span; i++) {
                stories.add(new HashSet<>());
                sources.add(new HashSet<>());
                objects.add(new HashSet<>());
            }
        }

        int[] counts() {
            return stories.stream().mapToInt(Set::size).toArray();
        }
    }

    final LocalDate start;
    final int span;
    final Map<String, Place> places = new HashMap<>();
    final Map<String, Days> byPlace = new LinkedHashMap<>();

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
        for (PlaceLink l : r.links()) {
            if (l.itemId().startsWith("identity--")) {
                continue;
            }
            Set<String> direct = l.placeId().startsWith("identity--")
                    ? identityPlaces.getOrDefault(l.placeId(), Set.of()) : Set.of(l.placeId());
            Set<String> all = new HashSet<>(direct);
            for (String place : direct) {
                Place p = s.places.get(place);
                if (p != null && p.country() != null) {
                    all.addAll(countryPlaces.getOrDefault(p.country(), List.of()));
                }
            }
            int day = (int) (l.day().toEpochDay() - start.toEpochDay());
            if (day < 0 || day >= s.span) {
                continue;
            }
            for (String place : all) {
                Days d = s.byPlace.computeIfAbsent(place, k -> new Days(s.span));
                d.stories.get(day).add(l.storyId());
                if (l.createdByRef() != null) {
                    d.sources.get(day).add(l.createdByRef());
                }
                d.objects.get(day).add(l.objectId());
            }
        }
        return s;
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
