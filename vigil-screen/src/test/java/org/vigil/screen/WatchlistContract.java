package org.vigil.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.access.AuditLog;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.stix.StixJson;
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
 * The watchlist through the read path, on a real store: what each organisation's users may screen against, and
 * what the audit log keeps of a screening. Run on SQLite and on PostgreSQL.
 */
abstract class WatchlistContract {

    private static final String ORG_A = "identity--aaaaaaaa-1111-4111-8111-111111111111";
    private static final String ORG_B = "identity--bbbbbbbb-2222-4222-8222-222222222222";
    private static final String UMAROV = "threat-actor--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
    private static final String BASAYEV = "identity--5f1c1a2e-7d7c-4a53-9d6f-3b2f1c0e9a11";
    private static final String GROUP = "threat-actor--1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

    private Store store;
    private ReadPath reads;
    private AuditLog audit;
    private Principal userOfA;
    private Principal userOfB;

    abstract StoreConfig config();

    @BeforeEach
    void open() {
        store = Store.open(config());
        audit = new AuditLog(store);
        reads = new ReadPath(store, audit);
        store.putApiRoot(new ApiRoot("api1", "t", null, 1_000_000));
        Collection shared = Collection.of(UUID.randomUUID(), "api1", "shared watchlist");
        store.putCollection(shared);
        userOfA = principal("analyst-a", ORG_A, shared);
        userOfB = principal("analyst-b", ORG_B, shared);
        store.add(shared.id(), userOfA.userId(), List.of(umarovHeldStrictlyByA(), basayevSharedAsGreen(), group()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Principal principal(String name, String identity, Collection c) {
        Organisation org = new Organisation(UUID.randomUUID(), name + "-org", identity, true);
        store.putOrganisation(org);
        User u = new User(UUID.randomUUID(), name, org.id(), Role.ANALYST, null);
        store.putUser(u);
        store.putGrant(new Grant(u.id(), c.id(), true, true));
        return Principal.of(u, org);
    }

    private static StixObject umarovHeldStrictlyByA() {
        ObjectNode extensions = StixJson.newObjectNode();
        extensions.set(PersonDetails.EXTENSION_ID, PersonDetails.entry("1964-04-13", "RU"));
        return StixObject.builder("threat-actor", UMAROV).put("created_by_ref", ORG_A)
                .put("created", "2024-01-01T00:00:00.000Z").put("modified", "2024-01-01T00:00:00.000Z")
                .put("name", "Dokka Umarov").put("aliases", List.of("Доку Умаров", "Abu Usman"))
                .put("threat_actor_types", List.of("terrorist")).put("resource_level", "individual")
                .put("object_marking_refs", List.of(Tlp.AMBER_STRICT.markingId())).put("extensions", extensions)
                .build();
    }

    private static StixObject basayevSharedAsGreen() {
        ObjectNode extensions = StixJson.newObjectNode();
        var details = (ObjectNode) PersonDetails.entry(null, "RU");
        details.putArray("aliases").add("Шамиль Басаев");
        extensions.set(PersonDetails.EXTENSION_ID, details);
        return StixObject.builder("identity", BASAYEV).put("created_by_ref", ORG_A)
                .put("created", "2024-01-01T00:00:00.000Z").put("modified", "2024-01-01T00:00:00.000Z")
                .put("name", "Shamil Basayev").put("identity_class", "individual")
                .put("labels", List.of(Watchlist.LABEL))
                .put("object_marking_refs", List.of(Tlp.GREEN.markingId())).put("extensions", extensions).build();
    }

    private static StixObject group() {
        return StixObject.builder("threat-actor", GROUP).put("created_by_ref", ORG_A)
                .put("created", "2024-01-01T00:00:00.000Z").put("modified", "2024-01-01T00:00:00.000Z")
                .put("name", "Umarov Doku").put("resource_level", "organization")
                .put("object_marking_refs", List.of(Tlp.GREEN.markingId())).build();
    }

    private List<Watchlist.Screened> screen(Principal p, double threshold, String... names) {
        List<Subject> subjects = java.util.Arrays.stream(names).map(Subject::named).toList();
        return Watchlist.of(reads, p, "test screen").screen(subjects, threshold, "test screen");
    }

    @Test
    void theSourceOrganisationsUsersMatchAPersonHeldAmberStrict() {
        List<Watchlist.Screened> r = screen(userOfA, Screening.THRESHOLD, "Доку Умаров");
        assertEquals(1, r.get(0).matches().size(), r.toString());
        Match m = r.get(0).matches().get(0);
        assertEquals(UMAROV, m.person().id());
        assertEquals("1964-04-13", m.person().birthDate());
        assertEquals("RU", m.person().nationality());
    }

    @Test
    void anotherOrganisationsUsersNeverMatchNorSeeIt() {
        Watchlist seenByB = Watchlist.of(reads, userOfB, "test screen");
        assertEquals(1, seenByB.size(), "only the GREEN person of interest");
        for (String name : List.of("Доку Умаров", "Dokka Umarov", "Abu Usman", "Umarov")) {
            List<Watchlist.Screened> r = seenByB.screen(List.of(Subject.named(name)), Watchlist.LOWEST_THRESHOLD,
                    "test screen");
            assertTrue(r.get(0).matches().stream().noneMatch(m -> m.person().id().equals(UMAROV)), r.toString());
        }
        assertTrue(screen(userOfB, Watchlist.LOWEST_THRESHOLD, "Dokka Umarov").get(0).matches().isEmpty());
    }

    @Test
    void anIdentityOnTheWatchlistMatchesThroughItsAliasesForEveryoneWhoMaySeeIt() {
        for (Principal p : List.of(userOfA, userOfB)) {
            List<Watchlist.Screened> r = screen(p, Screening.THRESHOLD, "Chamil Bassaev", "Шамиль Басаев");
            assertEquals(BASAYEV, r.get(0).matches().get(0).person().id());
            assertEquals(BASAYEV, r.get(1).matches().get(0).person().id());
        }
    }

    @Test
    void aGroupIsNoPersonOfInterest() {
        assertEquals(2, Watchlist.of(reads, userOfA, "test screen").size());
    }

    @Test
    void everyScreeningIsAuditedWithItsQueryAndWhatItMatched() {
        screen(userOfB, Screening.THRESHOLD, "Dokka Umarov", "Shamil Basayev");
        List<AuditRecord> records = audit.list(AuditQuery.all(100).byActor(userOfB.userId())).stream()
                .filter(r -> r.action().equals("screen")).toList();
        assertEquals(1, records.size());
        AuditRecord r = records.get(0);
        assertTrue(r.detail().contains("[Dokka Umarov]") && r.detail().contains("[Shamil Basayev]"), r.detail());
        assertEquals(List.of(BASAYEV), r.objectIds());
        assertFalse(audit.list(AuditQuery.all(1000).byActor(userOfB.userId())).stream()
                .anyMatch(x -> x.objectIds().contains(UMAROV)), "nothing of the hidden person reaches B's records");
    }
}
