package org.vigil.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.access.AuditLog;
import org.vigil.access.CollectionView;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.RedRecipients;
import org.vigil.access.ReleasedObject;
import org.vigil.access.WritePath;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiRoot;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.User;

/**
 * Continuous screening on a real store: a new individual posted by one organisation is screened against the
 * watchlist of every user who may see it, and a hit becomes a sighting that only those who may see both the person
 * of interest and the new individual may read; a repeat writes nothing new. Run on SQLite and on PostgreSQL.
 */
abstract class ContinuousScreeningContract {

    private static final String ORG_A = "identity--aaaaaaaa-1111-4111-8111-111111111111";
    private static final String ORG_B = "identity--bbbbbbbb-2222-4222-8222-222222222222";
    private static final String UMAROV = "threat-actor--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
    private static final String NEWCOMER = "identity--7e1d2c3b-4a5f-4e6d-8c7b-9a0b1c2d3e4f";
    private static final String REPORT = "report--3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a";
    private static final String T0 = "2026-12-01T10:00:00.000Z";

    private Store store;
    private AuditLog audit;
    private ReadPath reads;
    private WritePath writes;
    private Collection shared;
    private Principal userOfA;
    private Principal userOfB;

    abstract StoreConfig config();

    @BeforeEach
    void open() {
        store = Store.open(config());
        audit = new AuditLog(store);
        reads = new ReadPath(store, audit);
        writes = new WritePath(store, audit, Clock.systemUTC());
        store.putApiRoot(new ApiRoot("api1", "t", null, 1_000_000));
        shared = Collection.of(UUID.randomUUID(), "api1", "shared");
        store.putCollection(shared);
        userOfA = principal("analyst-a", ORG_A);
        userOfB = principal("analyst-b", ORG_B);
        post(userOfA, shared, StixObject.builder("threat-actor", UMAROV).put("created_by_ref", ORG_A)
                .put("created", T0).put("modified", T0).put("name", "Doku Umarov")
                .put("threat_actor_types", List.of("terrorist")).put("resource_level", "individual")
                .put("object_marking_refs", List.of(Tlp.AMBER_STRICT.markingId())).build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Principal principal(String name, String identity) {
        Organisation org = new Organisation(UUID.randomUUID(), name + "-org", identity, true);
        store.putOrganisation(org);
        User u = new User(UUID.randomUUID(), name, org.id(), Role.ANALYST, null);
        store.putUser(u);
        store.putGrant(new Grant(u.id(), shared.id(), true, true));
        return Principal.of(u, org);
    }

    private void post(Principal p, Collection c, StixObject... objects) {
        var status = writes.add(p, new CollectionView(c, true, true, false),
                java.util.Arrays.stream(objects).map(WritePath.Item::of).toList(), "test");
        assertTrue(status.failures().isEmpty(), status.failures().toString());
    }

    private static StixObject newcomer(String name, String modified) {
        return StixObject.builder("identity", NEWCOMER).put("created_by_ref", ORG_B).put("created", T0)
                .put("modified", modified).put("name", name).put("identity_class", "individual")
                .put("object_marking_refs", List.of(Tlp.AMBER.markingId())).build();
    }

    private static StixObject reportNaming(String id) {
        return StixObject.builder("report", REPORT).put("created_by_ref", ORG_B).put("created", T0)
                .put("modified", T0).put("name", "Arrivals").put("published", T0)
                .put("object_refs", List.of(id)).put("object_marking_refs", List.of(Tlp.AMBER.markingId())).build();
    }

    private List<StixObject> sightings(Principal p) {
        return reads.objectsOfType(p, "sighting", 100, "test").stream().map(ReleasedObject::object).toList();
    }

    private ContinuousScreening screening() {
        return new ContinuousScreening(reads, writes, store, Clock.systemUTC());
    }

    @Test
    void aNewIndividualInCyrillicIsSightedAsTheWatchlistedPersonForItsOwnersOnly() {
        post(userOfB, shared, newcomer("Доку Умаров", T0), reportNaming(NEWCOMER));
        try (ContinuousScreening s = screening()) {
            assertEquals(2, s.drain(), "the person of interest and the newcomer");
        }
        List<StixObject> seenByA = sightings(userOfA);
        assertEquals(1, seenByA.size(), seenByA.toString());
        StixObject sighting = seenByA.get(0);
        assertEquals(UMAROV, sighting.text("sighting_of_ref"));
        assertEquals(Publisher.IDENTITY_ID, sighting.text("created_by_ref"));
        assertEquals(List.of(Tlp.RED.markingId()), sighting.texts("object_marking_refs"));
        assertEquals(java.util.Set.of(userOfA.userId().toString()), RedRecipients.of(sighting));
        assertEquals(NEWCOMER, WatchlistHit.observedRef(sighting).orElseThrow());
        var hit = sighting.property("extensions").orElseThrow().path(WatchlistHit.EXTENSION_ID);
        assertEquals(REPORT, hit.path("report_refs").path(0).asText());
        assertEquals("Доку Умаров", hit.path("name").asText());
        assertTrue(hit.path("score").asDouble() >= Screening.THRESHOLD, hit.toString());
        assertEquals(T0, sighting.text("first_seen"));
        assertEquals(1, sighting.property("count").orElseThrow().asInt());
        assertTrue(sightings(userOfB).isEmpty(), "B may not see the AMBER+STRICT person of interest");
    }

    @Test
    void screeningTheSameVersionAgainWritesNothingNew() {
        post(userOfB, shared, newcomer("Доку Умаров", T0));
        try (ContinuousScreening s = screening()) {
            s.drain();
        }
        Collection again = Collection.of(UUID.randomUUID(), "api1", "again");
        store.putCollection(again);
        store.putGrant(new Grant(userOfB.userId(), again.id(), true, true));
        store.putGrant(new Grant(userOfA.userId(), again.id(), true, false));
        post(userOfB, again, newcomer("Доку Умаров", T0));
        try (ContinuousScreening restarted = screening()) {
            assertEquals(1, restarted.drain());
        }
        String id = sightings(userOfA).get(0).id();
        assertEquals(1, reads.history(userOfA, id, "test").size(), "the same sighting version, held once");
        assertEquals(1, sightings(userOfA).size());
    }

    @Test
    void workLeftByANodeThatDiedIsDoneOnceItsLeaseRunsOut() {
        try (ContinuousScreening s = screening()) {
            s.drain();
        }
        post(userOfB, shared, newcomer("Umarov Doku", T0));
        assertEquals(1, store.claimScreening("node-that-died", Instant.now().minusSeconds(1), 10).size());
        try (ContinuousScreening s = screening()) {
            assertEquals(1, s.drain());
            assertEquals(0, s.drain());
        }
        assertEquals(1, sightings(userOfA).size());
        assertEquals(0, store.screeningBacklog());
    }

    @Test
    void aLaterVersionOfTheNewcomerMovesTheSightingOn() {
        post(userOfB, shared, newcomer("Доку Умаров", T0));
        try (ContinuousScreening s = screening()) {
            s.drain();
            post(userOfB, shared, newcomer("Доку Умаров", "2026-12-02T10:00:00.000Z"));
            s.drain();
        }
        StixObject sighting = sightings(userOfA).get(0);
        assertEquals(T0, sighting.text("first_seen"));
        assertEquals("2026-12-02T10:00:00.000Z", sighting.text("last_seen"));
        assertEquals(2, sighting.property("count").orElseThrow().asInt());
    }

    @Test
    void anUnrelatedIndividualIsSightedAsNobody() {
        post(userOfB, shared, newcomer("Ivan Petrov", T0));
        try (ContinuousScreening s = screening()) {
            s.drain();
        }
        assertTrue(sightings(userOfA).isEmpty());
    }

    private static StixObject individual(String id, String name, Tlp tlp) {
        return StixObject.builder("identity", id).put("created_by_ref", ORG_B).put("created", T0)
                .put("modified", T0).put("name", name).put("identity_class", "individual")
                .put("object_marking_refs", List.of(tlp.markingId())).build();
    }

    @Test
    void aNewcomerInAPublicCollectionIsScreenedForUsersWhoReadItWithoutAGrant() {
        Collection open = Collection.of(UUID.randomUUID(), "api1", "open").withPublic(true);
        store.putCollection(open);
        store.putGrant(new Grant(userOfB.userId(), open.id(), true, true));
        post(userOfB, open, individual(NEWCOMER, "Доку Умаров", Tlp.CLEAR));
        try (ContinuousScreening s = screening()) {
            s.drain();
        }
        List<StixObject> seenByA = sightings(userOfA);
        assertEquals(1, seenByA.size(), "A reads the public collection without a grant on it");
        assertEquals(NEWCOMER, WatchlistHit.observedRef(seenByA.get(0)).orElseThrow());
    }

    @Test
    void aBatchIsAuditedInAFewRecordsPerReaderThatStillNameWhatEachSaw() {
        try (ContinuousScreening s = screening()) {
            s.drain();
        }
        long before = audit.list(AuditQuery.all(10_000)).stream().mapToLong(AuditRecord::seq).max().orElse(0);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "identity--" + UUID.nameUUIDFromBytes(("newcomer " + i).getBytes());
            ids.add(id);
            post(userOfB, shared, individual(id, i == 0 ? "Doku Umarov" : "Ivan Petrov " + "abcde".charAt(i),
                    Tlp.AMBER));
        }
        try (ContinuousScreening s = screening()) {
            assertEquals(5, s.drain());
        }
        List<AuditRecord> ofA = audit.list(AuditQuery.all(1000).byActor(userOfA.userId())).stream()
                .filter(r -> r.seq() > before && r.path().startsWith("continuous screening")).toList();
        // Recording a hit's sighting reads that sighting too (path "continuous screening"), once a hit, not a newcomer.
        List<AuditRecord> reads = ofA.stream().filter(r -> r.action().equals("read")
                && r.path().startsWith("continuous screening of")).toList();
        assertEquals(1, reads.size(), ofA.toString());
        assertEquals(java.util.Set.copyOf(ids), java.util.Set.copyOf(reads.get(0).objectIds()), "what A was shown");
        List<AuditRecord> screenings = ofA.stream().filter(r -> r.action().equals("screen")).toList();
        assertEquals(1, screenings.size(), ofA.toString());
        assertEquals(List.of(UMAROV), screenings.get(0).objectIds(), "what the screening matched");
        List<AuditRecord> loads = ofA.stream().filter(r -> r.action().equals("load")).toList();
        assertTrue(loads.size() <= 2 && loads.stream().anyMatch(r -> r.detail().contains("loaded 1 threat-actor")),
                loads.toString());
    }
}
