package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.app.TaxiiEndpointsContract.instants;
import static org.vigil.app.TaxiiEndpointsContract.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Taxii.Reply;
import org.vigil.app.TestVigil.Account;
import org.vigil.stix.StixObject;

/**
 * The filters and paging of docs/taxii-2.1.md over HTTP: match[id], match[type], match[spec_version] (OR within,
 * AND across), match[version], added_after, limit, more and next, and the Date-Added headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TaxiiFiltersContract {

    /** The server's page size, small so that paging shows with few objects. */
    private static final int PAGE_SIZE = 5;

    private TestVigil vigil;
    private Account alice;

    abstract StoreKind store();

    @BeforeAll
    void startVigil(@TempDir Path dir) {
        vigil = TestVigil.create(store(), dir.resolve("data"), Map.of("taxii.page_size", Integer.toString(PAGE_SIZE)));
        vigil.org("Acme", true);
        alice = vigil.user("alice", "Acme", "analyst");
        vigil.start();
    }

    @AfterAll
    void stopVigil() {
        vigil.close();
    }

    private Taxii alice() {
        return vigil.as(alice);
    }

    private UUID collection(String alias) {
        UUID c = vigil.collection(alias, alias);
        vigil.grant(c, alice, "read");
        vigil.grant(c, alice, "write");
        return c;
    }

    /** Posts each object in an envelope of its own, so that each has a date_added of its own, in this order. */
    private void addOneByOne(UUID c, List<StixObject> objects) {
        for (StixObject o : objects) {
            Reply r = alice().add(c, o);
            assertEquals(1, r.json().path("success_count").asInt(), r::toString);
        }
    }

    private List<String> ids(UUID c, String... params) {
        List<String> ids = new ArrayList<>();
        for (Reply page : alice().allPages(Taxii.objects(c), params)) {
            assertEquals(200, page.status(), page::toString);
            ids.addAll(page.ids());
        }
        return ids;
    }

    private static List<String> idsOf(StixObject... objects) {
        return List.of(objects).stream().map(StixObject::id).toList();
    }

    /** The date_added of every object version in the collection, by id and version, from the manifest. */
    private Map<String, String> datesAdded(UUID c) {
        Map<String, String> dates = new LinkedHashMap<>();
        for (Reply page : alice().allPages(Taxii.manifest(c), "match[version]", "all")) {
            page.json().path("objects").forEach(row -> dates.put(row.path("id").asText() + "@"
                    + Instant.parse(row.path("version").asText()), row.path("date_added").asText()));
        }
        return dates;
    }

    @Test
    void matchFiltersAreOrWithinAFilterAndAndAcrossFilters() {
        UUID c = collection("match");
        StixObject i1 = Stix.indicator("i1");
        StixObject i2 = Stix.indicator("i2");
        StixObject m1 = Stix.malware("m1");
        StixObject ip = Stix.ipv4("203.0.113.9");
        addOneByOne(c, List.of(i1, m1, i2, ip));
        assertEquals(idsOf(i1, m1), ids(c, "match[id]", i1.id() + "," + m1.id()));
        assertEquals(idsOf(i1, i2), ids(c, "match[type]", "indicator"));
        assertEquals(idsOf(i1, m1, i2), ids(c, "match[type]", "indicator,malware"));
        assertEquals(idsOf(i1), ids(c, "match[id]", i1.id() + "," + m1.id(), "match[type]", "indicator"));
        assertEquals(idsOf(i1, m1, i2, ip), ids(c, "match[spec_version]", "2.1"));
        assertEquals(List.of(), ids(c, "match[spec_version]", "2.0"));
        assertEquals(idsOf(m1), ids(c, "match[spec_version]", "2.0,2.1", "match[type]", "malware"));
        assertEquals(List.of(), ids(c, "match[id]", i1.id(), "match[type]", "malware"));
        assertEquals(idsOf(ip), ids(c, "match[type]", "ipv4-addr", "match[version]", "first"));
    }

    @Test
    void emptyResultIsAnEmptyEnvelopeWithMoreFalse() {
        UUID c = collection("empty");
        Reply r = alice().get(Taxii.objects(c));
        assertEquals(200, r.status(), r::toString);
        assertFalse(r.json().path("more").asBoolean());
        assertFalse(r.json().has("next"));
        assertTrue(r.json().path("objects").isEmpty(), r::toString);
        assertTrue(r.header("X-TAXII-Date-Added-First").isEmpty(), "no items, no date-added range");
        Reply manifest = alice().get(Taxii.manifest(c));
        assertEquals(200, manifest.status());
        assertFalse(manifest.json().path("more").asBoolean());
    }

    @Test
    void matchVersionSelectsLastByDefaultOrFirstAllAndExactVersions() {
        UUID c = collection("versions");
        String id = Stix.newId("indicator");
        addOneByOne(c, List.of(Stix.indicator(id, "v1", 1), Stix.indicator(id, "v2", 2), Stix.indicator(id, "v3", 3)));
        assertEquals(List.of(Stix.time(3)), modified(c));
        assertEquals(List.of(Stix.time(3)), modified(c, "match[version]", "last"));
        assertEquals(List.of(Stix.time(1)), modified(c, "match[version]", "first"));
        assertEquals(List.of(Stix.time(1), Stix.time(2), Stix.time(3)), modified(c, "match[version]", "all"));
        assertEquals(List.of(Stix.time(2)), modified(c, "match[version]", Stix.time(2)));
        assertEquals(List.of(Stix.time(2)), modified(c, "match[version]", "2026-05-01T08:00:02Z"),
                "versions compare as instants, whatever their precision");
        assertEquals(List.of(Stix.time(1), Stix.time(3)), modified(c, "match[version]", "first,last"));
        assertEquals(List.of(Stix.time(1), Stix.time(2)),
                modified(c, "match[version]", Stix.time(1) + "," + Stix.time(2)));
        assertEquals(List.of(), modified(c, "match[version]", Stix.time(9)));
        assertEquals(List.of(Stix.time(1)), modifiedOfObject(c, id, "match[version]", "first"));
        assertEquals(List.of(Stix.time(2)), modifiedOfObject(c, id, "match[version]", Stix.time(2)));
        assertEquals(404, alice().get(Taxii.object(c, id), "match[version]", Stix.time(9)).status());
    }

    @Test
    void versionOfAnObjectWithoutTimestampsIsItsDateAdded() {
        UUID c = collection("observables");
        StixObject ip = Stix.ipv4("192.0.2.7");
        alice().add(c, ip);
        Reply manifest = alice().get(Taxii.manifest(c));
        JsonNode row = manifest.json().path("objects").get(0);
        assertEquals(Instant.parse(row.path("date_added").asText()), Instant.parse(row.path("version").asText()));
        Reply versions = alice().get(Taxii.versions(c, ip.id()));
        assertEquals(instants(row.path("date_added").asText()), instants(texts(versions.json().path("versions"))));
    }

    private List<String> modified(UUID c, String... params) {
        List<String> out = new ArrayList<>();
        for (Reply page : alice().allPages(Taxii.objects(c), params)) {
            page.json().path("objects").forEach(o -> out.add(o.path("modified").asText()));
        }
        return out;
    }

    private List<String> modifiedOfObject(UUID c, String id, String... params) {
        Reply r = alice().get(Taxii.object(c, id), params);
        assertEquals(200, r.status(), r::toString);
        return r.json().path("objects").findValuesAsText("modified");
    }

    @Test
    void addedAfterIsStrictlyAfterTheDateAddedNotTheObjectsOwnTimestamps() {
        UUID c = collection("added");
        StixObject a = Stix.indicator(Stix.newId("indicator"), "a", 500);
        StixObject b = Stix.indicator(Stix.newId("indicator"), "b", 1);
        StixObject d = Stix.indicator(Stix.newId("indicator"), "d", 2);
        addOneByOne(c, List.of(a, b, d));
        Map<String, String> added = datesAdded(c);
        String bAdded = added.get(b.id() + "@" + Instant.parse(Stix.time(1)));
        assertEquals(idsOf(d), ids(c, "added_after", bAdded), "strictly after b's date_added");
        String justBefore = Instant.parse(bAdded).minus(1, ChronoUnit.MICROS).toString();
        assertEquals(idsOf(b, d), ids(c, "added_after", justBefore));
        assertEquals(idsOf(a, b, d), ids(c, "added_after", "2000-01-01T00:00:00Z"),
                "date_added counts, not modified (a was modified long after b and d)");
        assertEquals(List.of(), ids(c, "added_after", added.get(d.id() + "@" + Instant.parse(Stix.time(2)))));
        Reply manifest = alice().get(Taxii.manifest(c), "added_after", bAdded);
        assertEquals(List.of(d.id()), manifest.ids());
        Reply versions = alice().get(Taxii.versions(c, b.id()), "added_after", bAdded);
        assertEquals(404, versions.status(), "b has no version added after its own date_added: " + versions);
    }

    @Test
    void pagesFollowNextToTheEndWithoutGapsOrRepeatsAndCarryTheirDateAddedRange() {
        UUID c = collection("paging");
        List<StixObject> objects = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            objects.add(Stix.indicator("paged " + i));
        }
        alice().add(c, objects);
        Map<String, String> added = datesAdded(c);
        List<Reply> pages = alice().allPages(Taxii.objects(c), "limit", "3");
        assertEquals(3, pages.size(), pages::toString);
        List<String> seen = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            Reply page = pages.get(p);
            boolean last = p == pages.size() - 1;
            assertEquals(last ? 1 : 3, page.ids().size(), page::toString);
            assertEquals(!last, page.json().path("more").asBoolean(), page::toString);
            assertEquals(!last, page.json().has("next"), page::toString);
            List<String> ids = page.ids();
            assertEquals(added.get(ids.get(0) + "@" + Instant.parse(Stix.time(1))),
                    page.header("X-TAXII-Date-Added-First").orElseThrow(), page::toString);
            assertEquals(added.get(ids.get(ids.size() - 1) + "@" + Instant.parse(Stix.time(1))),
                    page.header("X-TAXII-Date-Added-Last").orElseThrow(), page::toString);
            seen.addAll(ids);
        }
        assertEquals(objects.stream().map(StixObject::id).toList(), seen);
        List<String> manifestIds = new ArrayList<>();
        alice().allPages(Taxii.manifest(c), "limit", "2").forEach(page -> manifestIds.addAll(page.ids()));
        assertEquals(seen, manifestIds, "the manifest pages the same way");
    }

    @Test
    void nextKeepsTheFiltersOfTheFirstPage() {
        UUID c = collection("filtered-paging");
        List<StixObject> objects = new ArrayList<>();
        List<String> indicators = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            StixObject indicator = Stix.indicator("indicator " + i);
            objects.add(indicator);
            indicators.add(indicator.id());
            objects.add(Stix.malware("malware " + i));
        }
        alice().add(c, objects);
        assertEquals(indicators, ids(c, "match[type]", "indicator", "limit", "2"));
        Reply first = alice().get(Taxii.objects(c), "match[type]", "indicator", "limit", "2");
        Reply second = alice().get(Taxii.objects(c), "match[type]", "indicator", "limit", "4",
                "next", first.json().path("next").asText());
        assertEquals(indicators.subList(2, 6), second.ids(), "the limit may change between pages");
    }

    @Test
    void versionsPageLikeObjects() {
        UUID c = collection("many-versions");
        String id = Stix.newId("indicator");
        List<StixObject> versions = new ArrayList<>();
        for (int v = 1; v <= 5; v++) {
            versions.add(Stix.indicator(id, "v" + v, v));
        }
        addOneByOne(c, versions);
        Map<String, String> added = datesAdded(c);
        List<String> seen = new ArrayList<>();
        for (Reply page : alice().allPages(Taxii.versions(c, id), "limit", "2")) {
            List<String> list = texts(page.json().path("versions"));
            assertEquals(added.get(id + "@" + Instant.parse(list.get(0))), page.header("X-TAXII-Date-Added-First")
                    .orElseThrow());
            assertEquals(added.get(id + "@" + Instant.parse(list.get(list.size() - 1))),
                    page.header("X-TAXII-Date-Added-Last").orElseThrow());
            seen.addAll(list);
        }
        assertEquals(instants(Stix.time(1), Stix.time(2), Stix.time(3), Stix.time(4), Stix.time(5)), instants(seen));
        Reply object = alice().get(Taxii.object(c, id), "match[version]", "all", "limit", "2");
        assertTrue(object.json().path("more").asBoolean(), object::toString);
        assertEquals(2, object.json().path("objects").size());
    }

    @Test
    void absurdLimitsAreLoweredToThePageSize() {
        UUID c = collection("capped");
        List<StixObject> objects = new ArrayList<>();
        for (int i = 0; i < PAGE_SIZE + 2; i++) {
            objects.add(Stix.indicator("capped " + i));
        }
        alice().add(c, objects);
        for (String limit : List.of("1000000", Long.toString(Long.MAX_VALUE), "99999999999999999999999999")) {
            Reply r = alice().get(Taxii.objects(c), "limit", limit);
            assertEquals(200, r.status(), r::toString);
            assertEquals(PAGE_SIZE, r.ids().size(), r::toString);
            assertTrue(r.json().path("more").asBoolean(), r::toString);
        }
        assertEquals(PAGE_SIZE, alice().get(Taxii.objects(c)).ids().size(), "no limit means the page size");
    }

    @Test
    void pagingWhileAnotherClientAddsNeitherSkipsNorRepeats() throws Exception {
        UUID c = collection("concurrent");
        List<StixObject> initial = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            initial.add(Stix.indicator("initial " + i));
        }
        alice().add(c, initial);
        Semaphore added = new Semaphore(0);
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> written = ConcurrentHashMap.newKeySet();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writing = writer.submit(() -> {
            for (int i = 0; !stop.get(); i++) {
                StixObject o = i % 3 == 0 ? Stix.malware("concurrent " + i) : Stix.indicator("concurrent " + i);
                Reply r = vigil.as(alice).add(c, o);
                assertEquals(202, r.status(), r::toString);
                written.add(o.id());
                added.release();
            }
            return null;
        });
        List<String> seen = new ArrayList<>();
        try {
            Reply page = alice().get(Taxii.objects(c), "limit", "3");
            seen.addAll(page.ids());
            for (int pages = 1; page.json().path("more").asBoolean(); pages++) {
                if (pages < 8) {
                    assertTrue(added.tryAcquire(30, TimeUnit.SECONDS), "the writer adds between pages");
                }
                page = alice().get(Taxii.objects(c), "limit", "3", "next", page.json().path("next").asText());
                assertEquals(200, page.status(), page::toString);
                seen.addAll(page.ids());
            }
        } finally {
            stop.set(true);
            writing.get(60, TimeUnit.SECONDS);
            writer.shutdown();
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), () -> "no object twice: " + seen);
        assertTrue(seen.containsAll(initial.stream().map(StixObject::id).toList()), "every initial object");
        List<String> everything = ids(c);
        String lastSeen = seen.get(seen.size() - 1);
        assertEquals(everything.subList(0, everything.indexOf(lastSeen) + 1), seen,
                "exactly what the collection holds up to the last object seen, in date_added order");
        assertTrue(seen.size() > initial.size() + 3, "objects added during paging were paged too: " + seen.size());
        assertTrue(written.containsAll(everything.subList(initial.size(), everything.size())));
    }
}
