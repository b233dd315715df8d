package org.vigil.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.access.CollectionView;
import org.vigil.access.PlaceCounts;
import org.vigil.access.Principal;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.Collection;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Organisation;
import org.vigil.store.StoreConfig;

/**
 * The counts the uptick test runs on come from an in-memory copy of the place index; the timeline and event
 * pictures read the index row by row. For every reader, both must give the same story counts and sources for
 * every place and day, and keep doing so as reporting is added, re-versioned, merged as copies and deleted.
 *
 * <p>The world is random but seeded: two collections (one public), three organisations, reports at several
 * levels and sources about cities and countries, sightings at identities located in cities, relationships that
 * target places, and duplicate-of links within and across collections.
 */
abstract class CountingContract {

    static final LocalDate START = LocalDate.of(2014, 1, 1);
    static final LocalDate END = LocalDate.of(2014, 2, 28);
    private static final Tlp[] LEVELS = {Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT};

    PictureHub hub;
    StoreConfig config;
    private final Random random = new Random(20140207);
    final List<PictureHub.Account> accounts = new ArrayList<>();
    final List<Collection> collections = new ArrayList<>();
    final List<String> cities = new ArrayList<>();
    private final List<String> countries = new ArrayList<>();
    private final List<String> identities = new ArrayList<>();
    private final List<String[]> reports = new ArrayList<>();
    private final List<StixObject> reportObjects = new ArrayList<>();

    abstract StoreConfig newConfig();

    @BeforeEach
    void fillHub() {
        config = newConfig();
        hub = new PictureHub(config);
        Collection shared = hub.collection("Shared", false, Tlp.AMBER);
        Collection open = hub.collection("Open", true, Tlp.CLEAR);
        collections.addAll(List.of(shared, open));
        for (String name : List.of("agency", "police", "partner")) {
            Organisation org = hub.organisation(name);
            PictureHub.Account a = hub.user(name + "-analyst", org);
            accounts.add(a);
            hub.grant(a, open, true, true);
        }
        hub.grant(accounts.get(0), shared, true, true);
        hub.grant(accounts.get(1), shared, true, true);
        List<StixObject> places = new ArrayList<>();
        List<StixObject> openPlaces = new ArrayList<>();
        for (String[] c : new String[][] {{"RU", "Russia"}, {"UA", "Ukraine"}}) {
            String id = "location--" + UUID.randomUUID();
            countries.add(id);
            places.add(location(id, c[1], c[0], false, Tlp.GREEN));
            openPlaces.add(location(id, c[1], c[0], false, Tlp.CLEAR));
            for (int i = 0; i < 3; i++) {
                String city = "location--" + UUID.randomUUID();
                cities.add(city);
                if (i == 0) {
                    openPlaces.add(location(city, c[1] + " city " + i, c[0], true, Tlp.CLEAR));
                }
                places.add(location(city, c[1] + " city " + i, c[0], true, i == 2 ? Tlp.AMBER_STRICT : Tlp.GREEN));
            }
        }
        // A second country-level location of one country, as a partner's own object for it would be: both count
        // every place in the country, and the counts may not multiply by their number.
        String again = "location--" + UUID.randomUUID();
        countries.add(again);
        places.add(location(again, "Russian Federation", "RU", false, Tlp.GREEN));
        hub.post(accounts.get(0), shared, places);
        hub.post(accounts.get(0), open, openPlaces);
        List<StixObject> located = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String identity = "identity--" + UUID.randomUUID();
            identities.add(identity);
            located.add(StixObject.builder("identity", identity).put("created", "2013-06-01T00:00:00.000Z")
                    .put("modified", "2013-06-01T00:00:00.000Z").put("name", "Venue " + i)
                    .put("identity_class", "organization").build());
            located.add(relationship("located-at", identity, pick(cities), "2013-06-01", Tlp.GREEN));
        }
        hub.post(accounts.get(1), shared, located);
        addReporting(300);
        addCopies(30);
    }

    @AfterEach
    void closeHub() {
        hub.close();
    }

    @Test
    void countsFromMemoryAgreeWithTheIndexReadRowByRowForEveryReader() {
        assertAgreementForEveryone();
    }

    @Test
    void countsFollowNewVersionsCopiesAndDeletions() {
        assertAgreementForEveryone();
        addReporting(120);
        assertAgreementForEveryone();
        List<StixObject> changes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String[] r = reports.get(random.nextInt(reports.size()));
            String[] other = reports.get(random.nextInt(reports.size()));
            if (r[1].equals(other[1]) && !r[0].equals(other[0])) {
                changes.add(relationship("duplicate-of", r[0], other[0], "2014-02-01", Tlp.GREEN));
            }
        }
        hub.post(accounts.get(0), collections.get(0), changes);
        assertAgreementForEveryone();
        String[] moved = reports.get(0);
        hub.post(accounts.get(0), collections.get(Integer.parseInt(moved[1])),
                List.of(report(moved[0], START.plusDays(40), List.of(countries.get(1)), Tlp.GREEN,
                        "2014-03-01T00:00:00.000Z")));
        String[] gone = reports.get(1);
        Collection holder = collections.get(Integer.parseInt(gone[1]));
        hub.writes.delete(accounts.get(0).principal(), new CollectionView(holder, true, true, false),
                ObjectQuery.in(holder.id()).ids(List.of(gone[0])).build(), "test");
        assertAgreementForEveryone();
    }

    @Test
    void aCountryAskedForAloneTakesInItsPlacesAsTheTimelineDoes() {
        for (PictureHub.Account a : accounts) {
            for (String place : List.of(countries.get(0), cities.get(1))) {
                Principal p = a.principal();
                PlaceCounts counts = hub.reads.placeCounts(p, START, END, Set.of(place), "test");
                PlaceSeries rows = PlaceSeries.of(hub.reads.placeReporting(p, START, END, Set.of(place), "test"),
                        START, END);
                assertEquals(Arrays.toString(rows.counts(place)),
                        Arrays.toString(counts.stories().getOrDefault(place, new int[rows.span])), a.user().name());
            }
        }
    }

    private void assertAgreementForEveryone() {
        boolean sawReporting = false;
        for (Principal p : readers()) {
            PlaceCounts counts = hub.reads.placeCounts(p, START, END, Set.of(), "test");
            PlaceSeries rows = PlaceSeries.of(hub.reads.placeReporting(p, START, END, Set.of(), "test"), START, END);
            assertEquals(render(rows.counts), render(counts.stories()), "stories seen by " + p.userId());
            Map<String, int[]> sources = new TreeMap<>();
            rows.counts.keySet().forEach(place -> sources.put(place,
                    rows.days(place).sources.stream().mapToInt(Set::size).toArray()));
            assertEquals(render(sources), render(counts.sources()), "sources seen by " + p.userId());
            sawReporting |= !counts.stories().isEmpty();
        }
        assertFalse(!sawReporting, "the world has reporting someone can see");
    }

    private List<Principal> readers() {
        List<Principal> out = new ArrayList<>(accounts.stream().map(PictureHub.Account::principal).toList());
        out.add(Principal.anonymous());
        return out;
    }

    private static String render(Map<String, int[]> counts) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(counts).forEach((place, daily) -> out.append(place).append(' ')
                .append(Arrays.toString(daily)).append('\n'));
        return out.toString();
    }

    private void addReporting(int n) {
        for (int c = 0; c < collections.size(); c++) {
            List<StixObject> batch = new ArrayList<>();
            PictureHub.Account poster = accounts.get(c == 0 ? random.nextInt(2) : random.nextInt(3));
            for (int i = 0; i < n / 2; i++) {
                batch.add(item(c, random.nextInt(10)));
            }
            hub.post(poster, collections.get(c), batch);
        }
    }

    private StixObject item(int collection, int kind) {
        LocalDate day = START.plusDays(random.nextInt(59));
        Tlp level = collection == 1 ? (random.nextBoolean() ? Tlp.CLEAR : Tlp.GREEN) : LEVELS[random.nextInt(4)];
        if (kind == 0) {
            return StixObject.builder("sighting", "sighting--" + UUID.randomUUID())
                    .put("created", day + "T08:00:00.000Z").put("modified", day + "T08:00:00.000Z")
                    .put("first_seen", day + "T07:00:00.000Z").put("sighting_of_ref", "indicator--" + UUID.randomUUID())
                    .put("where_sighted_refs", List.of(random.nextBoolean() ? pick(identities) : pick(cities)))
                    .put("object_marking_refs", List.of(level.markingId())).build();
        }
        if (kind == 1) {
            return relationship("targets", "threat-actor--" + UUID.randomUUID(), pick(cities), day.toString(), level);
        }
        String id = "report--" + UUID.randomUUID();
        reports.add(new String[] {id, Integer.toString(collection)});
        List<String> about = new ArrayList<>(List.of(pick(cities)));
        if (random.nextInt(3) == 0) {
            about.add(random.nextBoolean() ? pick(cities) : pick(countries));
        }
        StixObject r = report(id, day, about.stream().distinct().toList(), level, day + "T09:00:00.000Z");
        reportObjects.add(r);
        return r;
    }

    /** Syndicated copies of some reports, each with its duplicate-of, half in the other collection. */
    private void addCopies(int n) {
        for (int c = 0; c < collections.size(); c++) {
            List<StixObject> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                StixObject original = reportObjects.get(random.nextInt(reportObjects.size()));
                String copy = "report--" + UUID.randomUUID();
                batch.add(original.with("id", copy));
                batch.add(relationship("duplicate-of", copy, original.id(), "2014-01-01", Tlp.CLEAR));
            }
            hub.post(accounts.get(0), collections.get(c), batch);
        }
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static StixObject report(String id, LocalDate day, List<String> refs, Tlp tlp, String modified) {
        String at = day + "T09:00:00.000Z";
        return StixObject.builder("report", id).put("created", at).put("modified", modified)
                .put("name", "Report of " + day).put("published", at).put("report_types", List.of("threat-report"))
                .put("object_refs", refs).put("object_marking_refs", List.of(tlp.markingId())).build();
    }

    private static StixObject relationship(String type, String source, String target, String day, Tlp tlp) {
        String at = day + "T10:00:00.000Z";
        return StixObject.builder("relationship", "relationship--" + UUID.randomUUID()).put("created", at)
                .put("modified", at).put("relationship_type", type).put("source_ref", source)
                .put("target_ref", target).put("object_marking_refs", List.of(tlp.markingId())).build();
    }

    private static StixObject location(String id, String name, String country, boolean city, Tlp tlp) {
        StixObject.Builder b = StixObject.builder("location", id).put("created", "2013-01-01T00:00:00.000Z")
                .put("modified", "2013-01-01T00:00:00.000Z").put("name", name).put("country", country)
                .put("object_marking_refs", List.of(tlp.markingId()));
        if (city) {
            b.put("city", name);
        }
        return b.build();
    }
}
