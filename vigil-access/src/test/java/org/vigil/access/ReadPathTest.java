package org.vigil.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiRoot;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.User;
import org.vigil.store.VersionMatch;

/** The read path on a real (SQLite) store: what each reader gets of an object whose marking changes. */
class ReadPathTest {

    @TempDir
    Path dir;

    private Store store;
    private ReadPath reads;
    private Collection collection;
    private Principal poster;
    private Principal partner;

    @BeforeEach
    void open() {
        store = Store.open(StoreConfig.sqlite(dir));
        reads = new ReadPath(store, new AuditLog(store));
        store.putApiRoot(new ApiRoot("api1", "t", null, 1_000_000));
        collection = Collection.of(UUID.randomUUID(), "api1", "c");
        store.putCollection(collection);
        poster = principal("poster", "identity--11111111-1111-4111-8111-111111111111");
        partner = principal("partner", "identity--22222222-2222-4222-8222-222222222222");
    }

    private Principal principal(String name, String identity) {
        Organisation org = new Organisation(UUID.randomUUID(), name + "-org", identity, true);
        store.putOrganisation(org);
        User u = new User(UUID.randomUUID(), name, org.id(), Role.ANALYST, null);
        store.putUser(u);
        store.putGrant(new Grant(u.id(), collection.id(), true, true));
        return Principal.of(u, org);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static StixObject version(String modified, Tlp level) {
        return StixObject.builder("indicator", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")
                .put("created", "2024-01-01T00:00:00.000Z").put("modified", modified).put("name", "n")
                .put("pattern", "[ipv4-addr:value = '10.0.0.1']").put("pattern_type", "stix")
                .put("valid_from", "2024-01-01T00:00:00Z").put("object_marking_refs", List.of(level.markingId()))
                .build();
    }

    private int versionsSeenBy(Principal p, VersionMatch match) {
        CollectionView view = reads.collection(p, "api1", collection.id()).orElseThrow();
        ObjectQuery q = ObjectQuery.in(collection.id()).versions(match).build();
        return reads.objects(p, view, q, "/test").items().size();
    }

    @Test
    void raisingTheMarkingInANewVersionWithdrawsTheEarlierVersionsToo() {
        store.add(collection.id(), poster.userId(), List.of(version("2024-01-01T00:00:00.000Z", Tlp.GREEN),
                version("2024-02-01T00:00:00.000Z", Tlp.RED)));
        assertEquals(0, versionsSeenBy(partner, VersionMatch.LAST));
        assertEquals(0, versionsSeenBy(partner, VersionMatch.ALL));
        assertEquals(0, versionsSeenBy(partner, VersionMatch.FIRST));
        assertEquals(2, versionsSeenBy(poster, VersionMatch.ALL));
    }

    @Test
    void loweringTheMarkingReleasesTheNewVersionButNotTheOlderOne() {
        store.add(collection.id(), poster.userId(), List.of(version("2024-01-01T00:00:00.000Z", Tlp.RED),
                version("2024-02-01T00:00:00.000Z", Tlp.GREEN)));
        assertEquals(1, versionsSeenBy(partner, VersionMatch.LAST));
        assertEquals(1, versionsSeenBy(partner, VersionMatch.ALL));
        assertEquals(0, versionsSeenBy(partner, VersionMatch.FIRST));
    }

    private static final String SOCHI = "location--5a1e0a44-9e8d-4a43-9f5e-0c8f0c0a7b11";
    private static final String POSTER_ID = "identity--11111111-1111-4111-8111-111111111111";

    private static StixObject.Builder marked(String type, String id, Tlp level, String name) {
        return StixObject.builder(type, id).put("created", "2024-01-01T00:00:00.000Z")
                .put("modified", "2024-01-01T00:00:00.000Z").put("name", name).put("created_by_ref", POSTER_ID)
                .put("object_marking_refs", List.of(level.markingId()));
    }

    private List<String> searched(Principal p, List<String> places, List<String> sources) {
        return reads.search(p, List.of("stadium"), new ReadPath.SearchFilter(List.of(), java.util.Set.of(), null,
                null, places, sources), null, 50, "/test").found().stream().map(ReadPath.Found::id).toList();
    }

    @Test
    void placeAndSourceFiltersNeverTellOfAHiddenObjectOrLink() {
        String hiddenReport = "report--aaaaaaaa-1111-4111-8111-111111111111";
        String openReport = "report--bbbbbbbb-1111-4111-8111-111111111111";
        String actor = "threat-actor--cccccccc-1111-4111-8111-111111111111";
        String hiddenLink = "relationship--dddddddd-1111-4111-8111-111111111111";
        store.add(collection.id(), poster.userId(), List.of(
                marked("report", hiddenReport, Tlp.AMBER_STRICT, "Stadium threat").put("published",
                        "2024-01-01T00:00:00Z").put("object_refs", List.of(SOCHI)).build(),
                marked("report", openReport, Tlp.GREEN, "Stadium crowding").put("published",
                        "2024-01-01T00:00:00Z").put("object_refs", List.of(SOCHI)).build(),
                marked("threat-actor", actor, Tlp.GREEN, "Stadium gang").build(),
                StixObject.builder("relationship", hiddenLink).put("created", "2024-01-01T00:00:00.000Z")
                        .put("modified", "2024-01-01T00:00:00.000Z").put("relationship_type", "located-at")
                        .put("source_ref", actor).put("target_ref", SOCHI).put("description", "stadium base")
                        .put("created_by_ref", POSTER_ID)
                        .put("object_marking_refs", List.of(Tlp.AMBER_STRICT.markingId())).build()));
        assertEquals(List.of(hiddenLink, hiddenReport, openReport).stream().sorted().toList(),
                searched(poster, List.of(SOCHI), List.of()).stream().sorted().toList());
        assertEquals(List.of(openReport), searched(partner, List.of(SOCHI), List.of()),
                "neither the hidden report nor the actor its hidden relationship ties to the place");
        assertEquals(List.of(actor, openReport).stream().sorted().toList(),
                searched(partner, List.of(), List.of(POSTER_ID)).stream().sorted().toList());
        assertEquals(List.of(openReport), searched(partner, List.of(SOCHI), List.of(POSTER_ID)));
        ReadPath.SearchPage one = reads.search(partner, List.of("stadium"), new ReadPath.SearchFilter(List.of(),
                java.util.Set.of(), null, null, List.of(SOCHI), List.of()), null, 1, "/test");
        assertEquals(false, one.more(), "the hidden match does not count towards a next page");
    }

    private static StixObject location(String id, Tlp level, String name, String country, String city) {
        StixObject.Builder b = marked("location", id, level, name).put("country", country);
        return (city == null ? b : b.put("city", city)).build();
    }

    private static StixObject reportAt(String id, Tlp level, String place) {
        return marked("report", id, level, "Stadium report " + id.substring(8, 12)).put("published",
                "2024-01-01T00:00:00Z").put("object_refs", List.of(place)).build();
    }

    @Test
    void aCountryFindsItsPlacesButNeverThroughAPlaceTheReaderMayNotSee() {
        String russia = "location--10000000-1111-4111-8111-111111111111";
        String sochi = "location--20000000-1111-4111-8111-111111111111";
        String adler = "location--30000000-1111-4111-8111-111111111111";
        String ukraine = "location--40000000-1111-4111-8111-111111111111";
        String kyiv = "location--50000000-1111-4111-8111-111111111111";
        String atRussia = "report--10000000-2222-4222-8222-222222222222";
        String atSochi = "report--20000000-2222-4222-8222-222222222222";
        String atAdler = "report--30000000-2222-4222-8222-222222222222";
        String hiddenAtSochi = "report--40000000-2222-4222-8222-222222222222";
        String atKyiv = "report--50000000-2222-4222-8222-222222222222";
        store.add(collection.id(), poster.userId(), List.of(
                location(russia, Tlp.GREEN, "Russia", "ru", null),
                location(sochi, Tlp.GREEN, "Sochi", "RU", "Sochi"),
                location(adler, Tlp.AMBER_STRICT, "Adler safe house", "RU", "Adler"),
                location(ukraine, Tlp.AMBER_STRICT, "Ukraine", "UA", null),
                location(kyiv, Tlp.GREEN, "Kyiv", "UA", "Kyiv"),
                reportAt(atRussia, Tlp.GREEN, russia), reportAt(atSochi, Tlp.GREEN, sochi),
                reportAt(atAdler, Tlp.GREEN, adler), reportAt(hiddenAtSochi, Tlp.AMBER_STRICT, sochi),
                reportAt(atKyiv, Tlp.GREEN, kyiv)));
        assertEquals(java.util.Set.of(atRussia, atSochi, atAdler, hiddenAtSochi),
                java.util.Set.copyOf(searched(poster, List.of(russia), List.of())));
        assertEquals(java.util.Set.of(atRussia, atSochi), java.util.Set.copyOf(searched(partner, List.of(russia),
                List.of())), "not the report at a place in Russia the partner may not see, nor a hidden report");
        assertEquals(List.of(atSochi), searched(partner, List.of(sochi), List.of()), "a city takes in nothing more");
        assertEquals(List.of(atKyiv), searched(poster, List.of(ukraine), List.of()));
        assertEquals(List.of(), searched(partner, List.of(ukraine), List.of()),
                "a country the partner may not see rolls up nothing");
        ReadPath.SearchPage one = reads.search(partner, List.of("stadium"), new ReadPath.SearchFilter(List.of(),
                java.util.Set.of(), null, null, List.of(russia), List.of()), null, 2, "/test");
        assertEquals(false, one.more(), "hidden matches do not count towards a next page");
    }
}
