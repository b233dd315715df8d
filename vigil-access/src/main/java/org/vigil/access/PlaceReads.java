package org.vigil.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiRoot;
import org.vigil.store.Collection;
import org.vigil.store.Place;
import org.vigil.store.PlaceLink;
import org.vigil.store.PlaceQuery;
import org.vigil.store.Store;

/**
 * Reads the place index for one reader: in every collection they may read, as they read it (a public collection's
 * reader without a grant as anonymous), each row then decided by the marking policy as the object it came from
 * would be.
 */
final class PlaceReads {

    private final Store store;
    private final Grants grants;
    private final PlaceIndexCopy copy;

    PlaceReads(Store store, Grants grants) {
        this.store = store;
        this.grants = grants;
        this.copy = new PlaceIndexCopy(store);
    }

    /**
     * The reporting {@code p} may see between two days, about these places (every place when empty); a place among
     * them that names a country and nothing finer takes in the reporting about every place in that country.
     */
    PlaceReporting read(Principal p, LocalDate from, LocalDate to, Set<String> places) {
        Map<UUID, Reader> readers = readers(p);
        List<PlaceQuery.Scope> scopes = scopes(readers);
        List<Place> visiblePlaces = visiblePlaces(readers, scopes, from, to);
        Set<String> countries = new HashSet<>();
        for (Place place : visiblePlaces) {
            if (place.isCountry() && places.contains(place.id())) {
                countries.add(place.country());
            }
        }
        List<PlaceLink> links = new ArrayList<>();
        for (PlaceLink l : store.placeLinks(new PlaceQuery(scopes, from, to, places, countries))) {
            Reader r = readers.get(l.collectionId());
            if (r != null && r.permits(l.tlp(), l.createdByRef(), l.postedBy(), l.redRecipients())) {
                links.add(l);
            }
        }
        return new PlaceReporting(links, visiblePlaces);
    }

    /**
     * The stories {@code p} may see per place and day between two days, for these places (every place when
     * empty), counted from the in-memory copy of the place index by the same rules as {@link #read}.
     */
    PlaceCounts counts(Principal p, LocalDate from, LocalDate to, Set<String> places) {
        Map<UUID, Reader> readers = readers(p);
        List<Place> visiblePlaces = visiblePlaces(readers, scopes(readers), from, to);
        try (PlaceIndexCopy.Snapshot snapshot = copy.read()) {
            return PlaceCounter.count(snapshot, readers, visiblePlaces, from, to, places);
        }
    }

    /**
     * The places given, and for each that the reader may see and that names a country and nothing finer, every
     * place in that country the reader may see (the roll-up). A place hidden from the reader is never added, so
     * nothing matches through it.
     */
    List<String> rolledUp(Map<UUID, Reader> readers, List<String> places) {
        if (places.isEmpty()) {
            return places;
        }
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        List<Place> visible = visiblePlaces(readers, scopes(readers), today, today);
        Set<String> countries = new HashSet<>();
        for (Place place : visible) {
            if (place.isCountry() && place.country() != null && places.contains(place.id())) {
                countries.add(place.country());
            }
        }
        Set<String> out = new LinkedHashSet<>(places);
        for (Place place : visible) {
            if (place.country() != null && countries.contains(place.country())) {
                out.add(place.id());
            }
        }
        return List.copyOf(out);
    }

    void prepare() {
        copy.read().close();
    }

    private static List<PlaceQuery.Scope> scopes(Map<UUID, Reader> readers) {
        List<PlaceQuery.Scope> scopes = new ArrayList<>();
        readers.forEach((id, r) -> scopes.add(new PlaceQuery.Scope(id,
                MarkingPolicy.audience(r.principal(), r.collection().defaultMarking()))));
        return scopes;
    }

    private List<Place> visiblePlaces(Map<UUID, Reader> readers, List<PlaceQuery.Scope> scopes, LocalDate from,
                                      LocalDate to) {
        List<Place> visible = new ArrayList<>();
        for (Place place : store.places(new PlaceQuery(scopes, from, to, Set.of(), Set.of()))) {
            Reader r = readers.get(place.collectionId());
            if (r != null && r.permits(place.tlp(), place.createdByRef(), place.postedBy(), place.redRecipients())) {
                visible.add(place);
            }
        }
        return visible;
    }

    /** The collections {@code p} may read, in every API root. */
    List<CollectionView> readable(Principal p) {
        List<CollectionView> out = new ArrayList<>();
        for (ApiRoot root : store.apiRoots()) {
            for (Collection c : store.collections(root.name())) {
                CollectionView v = grants.view(p, c);
                if (v.canRead()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** The collections {@code p} may read, each with whom they read it as. */
    Map<UUID, Reader> readers(Principal p) {
        Map<UUID, Reader> out = new HashMap<>();
        for (CollectionView v : readable(p)) {
            out.put(v.collection().id(), new Reader(v.collection(), v.viaPublic() ? Principal.anonymous() : p));
        }
        return out;
    }

    /** A collection and the principal its rows are decided for. */
    record Reader(Collection collection, Principal principal) {

        boolean permits(Tlp tlp, String source, UUID postedBy, Set<String> recipients) {
            Tlp level = tlp != null ? tlp : collection.defaultMarking();
            return MarkingPolicy.permits(principal, level, source, postedBy, new LinkedHashSet<>(recipients));
        }
    }
}
