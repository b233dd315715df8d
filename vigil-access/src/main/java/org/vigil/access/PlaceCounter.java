package org.vigil.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vigil.store.Place;

/**
 * Counts one reader's stories per place and day from the in-memory copy of the place index, with the same rules as
 * the picture's per-row reading: an item counts for the place it names, for the places an identity it names is
 * located at, and for the country-level places of those places' countries; copies count as the story they copy;
 * a story counts once a day per place.
 *
 * <p>Every credit is first written out as its cell and one long holding the story's hash in the high bits and the
 * source's number in the low {@value #SOURCE_BITS}, then sorted into cells by counting, and each cell's stories and
 * sources are counted distinct: linear in the rows, with no hashing per row. Two stories in one cell would have to
 * share {@code 64 - SOURCE_BITS} bits of hash to be taken for one.
 */
final class PlaceCounter {

    static final int SOURCE_BITS = 20;
    private static final long SOURCE_MASK = (1L << SOURCE_BITS) - 1;


    private final PlaceIndexCopy.Snapshot copy;
    private final long first;
    private final int span;
    private final boolean[] sees;
    private final int[] sourceOf;
    private final int[] collectionOf;
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> extraPlaces = new HashMap<>();
    /** Each place's country as a number, or -1; and the country-level places of each country number. */
    private int[] countryOf;
    private int[][] countryPlaces;
    /**
     * Where a place's credits go: its own cell, but one cell for all the country-level places of a country, which
     * count the same stories (every place in the country). A hub holding many locations for one country would
     * otherwise credit each story once per such location.
     */
    private int[] slotOf;
    /** Each country number's shared cell, or -1 when the country has no country-level place. */
    private int[] countrySlot;
    /** With places asked for: whether a place's rows can count for one of them. */
    private boolean[] relevant;
    private final Map<Long, int[]> identityPlaces = new HashMap<>();
    private boolean[] identityPlace;
    private long[] placeHash;

    private int credits;
    private int[] cell = new int[1 << 16];
    private long[] credit = new long[1 << 16];
    /** Places credited so far, numbered densely so cells stay few. */
    private int[] active;
    private final List<Integer> activePlaces = new ArrayList<>();

    private PlaceCounter(PlaceIndexCopy.Snapshot copy, Map<UUID, PlaceReads.Reader> readers, LocalDate start,
                         LocalDate end) {
        this.copy = copy;
        this.first = start.toEpochDay();
        this.span = (int) (end.toEpochDay() - first) + 1;
        List<PlaceIndexCopy.Visibility> classes = copy.classes();
        sees = new boolean[classes.size()];
        sourceOf = new int[classes.size()];
        collectionOf = new int[classes.size()];
        Map<String, Integer> sources = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            PlaceIndexCopy.Visibility v = classes.get(i);
            PlaceReads.Reader r = readers.get(v.collectionId());
            sees[i] = r != null && r.permits(v.tlp(), v.createdByRef(), v.postedBy(), v.recipients());
            sourceOf[i] = v.createdByRef() == null ? -1 : sources.computeIfAbsent(v.createdByRef(), k -> sources.size());
            collectionOf[i] = copy.collectionNumber(v.collectionId());
        }
    }

    /** The counts {@code readers} may see between two days, for these places (every place when empty). */
    static PlaceCounts count(PlaceIndexCopy.Snapshot copy, Map<UUID, PlaceReads.Reader> readers,
                             List<Place> visible, LocalDate start, LocalDate end, Set<String> wanted) {
        PlaceCounter c = new PlaceCounter(copy, readers, start, end);
        c.learnPlaces(visible);
        c.learnIdentities();
        c.narrowTo(wanted);
        c.credit();
        return c.counts(start, visible, wanted);
    }

    /** Numbers every place: the copy's first, then visible locations it has no rows for. */
    private void learnPlaces(List<Place> visible) {
        for (int i = 0; i < copy.places(); i++) {
            ids.add(copy.placeId(i));
        }
        Map<String, Place> byId = new HashMap<>();
        for (Place p : visible) {
            byId.putIfAbsent(p.id(), p);
            if (copy.placeNumber(p.id()) < 0 && !extraPlaces.containsKey(p.id())) {
                extraPlaces.put(p.id(), ids.size());
                ids.add(p.id());
            }
        }
        countryOf = new int[ids.size()];
        identityPlace = new boolean[ids.size()];
        placeHash = new long[ids.size()];
        Map<String, Integer> countryNumbers = new HashMap<>();
        Map<Integer, List<Integer>> countries = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Place p = byId.get(id);
            identityPlace[i] = id.startsWith("identity--");
            placeHash[i] = identityPlace[i] ? PlaceIndexCopy.hash(id) : 0;
            countryOf[i] = -1;
            if (p != null && p.country() != null) {
                countryOf[i] = countryNumbers.computeIfAbsent(p.country(), k -> countryNumbers.size());
                if (p.isCountry()) {
                    countries.computeIfAbsent(countryOf[i], k -> new ArrayList<>()).add(i);
                }
            }
        }
        countryPlaces = new int[countryNumbers.size()][];
        for (int c = 0; c < countryPlaces.length; c++) {
            countryPlaces[c] = countries.getOrDefault(c, List.of()).stream().mapToInt(Integer::intValue).toArray();
        }
        slotOf = new int[ids.size()];
        Arrays.setAll(slotOf, i -> i);
        countrySlot = new int[countryPlaces.length];
        for (int c = 0; c < countryPlaces.length; c++) {
            countrySlot[c] = countryPlaces[c].length == 0 ? -1 : countryPlaces[c][0];
            for (int p : countryPlaces[c]) {
                slotOf[p] = countrySlot[c];
            }
        }
        active = new int[ids.size()];
        Arrays.fill(active, -1);
    }

    /** Where each identity the reader may see is located. */
    private void learnIdentities() {
        Map<Long, List<Integer>> found = new HashMap<>();
        for (int row = 0; row < copy.size(); row++) {
            if (copy.itemIsIdentity(row) && sees[copy.visibility(row)] && !identityPlace[copy.place(row)]) {
                List<Integer> at = found.computeIfAbsent(copy.item(row), k -> new ArrayList<>());
                if (!at.contains(copy.place(row))) {
                    at.add(copy.place(row));
                }
            }
        }
        found.forEach((k, v) -> identityPlaces.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * With places asked for, only rows that can count for them are credited: rows at those places, at places in the
     * country of a country-level one among them, and at identities located at either.
     */
    private void narrowTo(Set<String> wanted) {
        if (wanted.isEmpty()) {
            return;
        }
        boolean[] wantedCountry = new boolean[countryPlaces.length];
        for (int c = 0; c < countryPlaces.length; c++) {
            for (int p : countryPlaces[c]) {
                wantedCountry[c] |= wanted.contains(ids.get(p));
            }
        }
        relevant = new boolean[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            relevant[i] = wanted.contains(ids.get(i)) || countryOf[i] >= 0 && wantedCountry[countryOf[i]];
        }
        for (int i = 0; i < ids.size(); i++) {
            int[] at = identityPlace[i] ? identityPlaces.get(placeHash[i]) : null;
            for (int p : at == null ? new int[0] : at) {
                relevant[i] |= relevant[p];
            }
        }
    }

    private void credit() {
        PlaceIndexCopy.Originals originals = copy.originals();
        int[] direct = new int[1];
        for (int row = 0; row < copy.size(); row++) {
            int v = copy.visibility(row);
            int d = (int) (copy.day(row) - first);
            if (!sees[v] || copy.itemIsIdentity(row) || d < 0 || d >= span
                    || relevant != null && !relevant[copy.place(row)]) {
                continue;
            }
            long[] stories = originals.get(PlaceIndexCopy.storyKey(collectionOf[v], copy.item(row)));
            int p = copy.place(row);
            int[] places;
            if (identityPlace[p]) {
                places = identityPlaces.get(placeHash[p]);
                if (places == null) {
                    continue;
                }
            } else {
                direct[0] = p;
                places = direct;
            }
            for (int place : places) {
                int slot = slotOf[place];
                credit(slot, d, stories, copy.item(row), sourceOf[v]);
                int country = countryOf[place];
                // A story credited twice to one cell (an identity at two places of a country) counts once there.
                if (country >= 0 && countrySlot[country] >= 0 && countrySlot[country] != slot) {
                    credit(countrySlot[country], d, stories, copy.item(row), sourceOf[v]);
                }
            }
        }
    }

    private void credit(int place, int d, long[] stories, long item, int src) {
        if (active[place] < 0) {
            active[place] = activePlaces.size();
            activePlaces.add(place);
        }
        int at = active[place] * span + d;
        if (stories == null) {
            add(at, item, src);
        } else {
            for (long s : stories) {
                add(at, s, src);
            }
        }
    }

    private void add(int at, long s, int src) {
        if (credits == cell.length) {
            int n = credits + (credits >> 1);
            cell = Arrays.copyOf(cell, n);
            credit = Arrays.copyOf(credit, n);
        }
        cell[credits] = at;
        // Source 0 is none; a hub with more sources than the bits hold folds the rest together.
        credit[credits] = (s & ~SOURCE_MASK) | (src < 0 ? 0 : src % SOURCE_MASK + 1);
        credits++;
    }

    /** Sorts the credits into cells by counting, then counts each cell's distinct stories and sources. */
    private PlaceCounts counts(LocalDate start, List<Place> visible, Set<String> wanted) {
        int cells = activePlaces.size() * span;
        int[] offset = new int[cells + 1];
        for (int i = 0; i < credits; i++) {
            offset[cell[i] + 1]++;
        }
        for (int i = 0; i < cells; i++) {
            offset[i + 1] += offset[i];
        }
        long[] sorted = new long[credits];
        int[] next = Arrays.copyOf(offset, cells);
        for (int i = 0; i < credits; i++) {
            int at = next[cell[i]]++;
            sorted[at] = credit[i];
        }
        Map<String, int[]> storyCounts = new HashMap<>();
        Map<String, int[]> sourceCounts = new HashMap<>();
        for (int a = 0; a < activePlaces.size(); a++) {
            int[] sharing = sharing(activePlaces.get(a));
            if (!wanted.isEmpty() && Arrays.stream(sharing).noneMatch(p -> wanted.contains(ids.get(p)))) {
                continue;
            }
            int[] daily = new int[span];
            int[] bySources = new int[span];
            for (int d = 0; d < span; d++) {
                int from = offset[a * span + d];
                int to = offset[a * span + d + 1];
                if (to - from == 1) {
                    daily[d] = 1;
                    bySources[d] = (sorted[from] & SOURCE_MASK) == 0 ? 0 : 1;
                } else if (to > from) {
                    daily[d] = distinctStories(sorted, from, to);
                    bySources[d] = distinctSources(sorted, from, to);
                }
            }
            for (int p : sharing) {
                String id = ids.get(p);
                if (wanted.isEmpty() || wanted.contains(id)) {
                    storyCounts.put(id, sharing.length == 1 ? daily : daily.clone());
                    sourceCounts.put(id, sharing.length == 1 ? bySources : bySources.clone());
                }
            }
        }
        return new PlaceCounts(start, span, storyCounts, sourceCounts, visible);
    }

    /** The places whose counts a slot holds: a country's country-level places, or the one place. */
    private int[] sharing(int slot) {
        int country = countryOf[slot];
        return country >= 0 && countrySlot[country] == slot ? countryPlaces[country] : new int[] {slot};
    }

    /** Distinct stories of a cell of several credits, which it leaves sorted. */
    private static int distinctStories(long[] a, int from, int to) {
        Arrays.sort(a, from, to);
        int n = 1;
        for (int i = from + 1; i < to; i++) {
            if (a[i] >>> SOURCE_BITS != a[i - 1] >>> SOURCE_BITS) {
                n++;
            }
        }
        return n;
    }

    /** Distinct sources of a cell of several credits, an unknown source not counted. */
    private static int distinctSources(long[] a, int from, int to) {
        long[] found = new long[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            long src = a[i] & SOURCE_MASK;
            boolean known = src == 0;
            for (int j = 0; j < n && !known; j++) {
                known = found[j] == src;
            }
            if (!known) {
                found[n++] = src;
            }
        }
        return n;
    }
}
