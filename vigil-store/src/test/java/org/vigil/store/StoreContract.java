package org.vigil.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.store.TestObjects.indicator;
import static org.vigil.store.TestObjects.inSpec;
import static org.vigil.store.TestObjects.ipv4;
import static org.vigil.store.TestObjects.newId;
import static org.vigil.store.TestObjects.sdo;
import static org.vigil.store.TestObjects.time;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;

/**
 * What every store implementation must do, run against SQLite and PostgreSQL alike. Filter combinations are
 * checked against an oracle in {@link FilterOracle}; the rest are scenarios named for the rule they pin down.
 */
abstract class StoreContract {

    static final String ROOT = "api1";
    private static final Pattern TAXII_TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

    StoreConfig config;
    Store store;
    UUID collection;

    /** A configuration pointing at a new, empty database. */
    abstract StoreConfig newConfig();

    @BeforeEach
    void openStore() {
        config = newConfig();
        store = Store.open(config);
        store.putApiRoot(new ApiRoot(ROOT, "API root one", null, 10_000_000));
        collection = newCollection();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    UUID newCollection() {
        UUID id = UUID.randomUUID();
        store.putCollection(Collection.of(id, ROOT, "collection " + id));
        return id;
    }

    void reopen() {
        store.close();
        store = Store.open(config);
    }

    Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }

    ObjectQuery.Builder query() {
        return ObjectQuery.in(collection);
    }

    List<String> ids(Page<StoredObject> page) {
        return page.items().stream().map(StoredObject::id).toList();
    }

    List<String> versionsOf(Page<StoredObject> page) {
        return page.items().stream().map(StoredObject::version).toList();
    }

    static String micro(String millisTimestamp) {
        return millisTimestamp.replace(".000Z", ".000000Z");
    }

    // Adding

    @Test
    void addStoresEveryObjectAndReportsEachStored() {
        String a = newId("indicator");
        String b = newId("malware");
        List<AddResult> results = store.add(collection, List.of(indicator(a, time(1)), sdo("malware", b, time(2))));
        assertEquals(List.of(a, b), results.stream().map(AddResult::id).toList());
        assertTrue(results.stream().allMatch(r -> r.outcome() == AddResult.Outcome.STORED));
        assertEquals(time(1), results.get(0).version());
        Page<StoredObject> page = store.objects(query().build());
        assertEquals(List.of(a, b), ids(page));
        assertFalse(page.more());
        assertEquals(indicator(a, time(1)), page.items().get(0).object());
    }

    @Test
    void reAddingTheSameVersionIsAlreadyPresentNotADuplicate() {
        String a = newId("indicator");
        AddResult first = store.add(collection, List.of(indicator(a, time(1)))).get(0);
        List<AddResult> again = store.add(collection, List.of(indicator(a, time(1)), indicator(a, time(1))));
        for (AddResult r : again) {
            assertEquals(AddResult.Outcome.ALREADY_PRESENT, r.outcome());
            assertEquals(first.dateAdded(), r.dateAdded());
        }
        assertEquals(1, store.objects(query().versions(VersionMatch.ALL).build()).items().size());
    }

    @Test
    void theSameVersionTwiceInOneBatchIsStoredOnce() {
        String a = newId("indicator");
        List<AddResult> results = store.add(collection, List.of(indicator(a, time(1)), indicator(a, time(1))));
        assertEquals(List.of(AddResult.Outcome.STORED, AddResult.Outcome.ALREADY_PRESENT),
                results.stream().map(AddResult::outcome).toList());
        assertEquals(1, store.objects(query().versions(VersionMatch.ALL).build()).items().size());
    }

    @Test
    void versionLessObjectsAreVersionedByDateAddedAndReAddedByContent() {
        String ip = newId("ipv4-addr");
        AddResult stored = store.add(collection, List.of(ipv4(ip, "198.51.100.1"))).get(0);
        assertEquals(Instant.parse(stored.dateAdded()), Instant.parse(stored.version()));
        AddResult again = store.add(collection, List.of(ipv4(ip, "198.51.100.1"))).get(0);
        assertEquals(AddResult.Outcome.ALREADY_PRESENT, again.outcome());
        assertEquals(stored.version(), again.version());
        AddResult changed = store.add(collection, List.of(ipv4(ip, "198.51.100.2"))).get(0);
        assertEquals(AddResult.Outcome.STORED, changed.outcome());
        assertEquals(List.of(stored.version(), changed.version()),
                versionsOf(store.objects(query().versions(VersionMatch.ALL).build())));
    }

    @Test
    void lastAddedTellsEachCollectionsNewestDateAddedWithoutReadingObjects() {
        UUID other = newCollection();
        String api = ROOT;
        assertEquals(0, store.lastAdded(api).get(other).dateAddedMicros(), "an empty collection is at zero");
        AddResult first = store.add(collection, List.of(indicator(newId("indicator"), time(1)))).get(0);
        AddResult second = store.add(collection, List.of(indicator(newId("indicator"), time(1)))).get(0);
        Cursor newest = store.lastAdded(api).get(collection);
        assertEquals(Cursor.afterMicros(ChronoUnit.MICROS.between(Instant.EPOCH,
                Instant.parse(second.dateAdded()))), newest);
        assertTrue(Instant.parse(second.dateAdded()).isAfter(Instant.parse(first.dateAdded())));
        assertEquals(0, store.lastAdded(api).get(other).dateAddedMicros());
    }

    @Test
    void theSameObjectInAnotherCollectionIsStoredThereToo() {
        String a = newId("indicator");
        UUID other = newCollection();
        store.add(collection, List.of(indicator(a, time(1))));
        AddResult there = store.add(other, List.of(indicator(a, time(1)))).get(0);
        assertEquals(AddResult.Outcome.STORED, there.outcome());
        assertEquals(List.of(a), ids(store.objects(ObjectQuery.in(other).build())));
    }

    @Test
    void addingToAMissingCollectionFailsNamingIt() {
        UUID missing = UUID.randomUUID();
        StoreException e = assertThrows(StoreException.class,
                () -> store.add(missing, List.of(indicator(newId("indicator"), time(1)))));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void anObjectWithoutAnIdFailsTheWholeBatchNamingIt() {
        StixObject noId = StixObject.of(StixObject.builder("indicator", "x").build().json().without("id"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.add(collection, List.of(indicator(newId("indicator"), time(1)), noId)));
        assertTrue(e.getMessage().contains("object 1"), e.getMessage());
        assertTrue(store.objects(query().build()).items().isEmpty());
    }

    @Test
    void dateAddedIsAMicrosecondTaxiiTimestampStrictlyIncreasingWithinACollection() {
        List<StixObject> batch = IntStream.range(0, 50).mapToObj(i -> indicator(newId("indicator"), time(1))).toList();
        store.add(collection, batch.subList(0, 25));
        store.add(collection, batch.subList(25, 50));
        List<String> added = store.objects(query().build()).items().stream().map(StoredObject::dateAdded).toList();
        assertEquals(50, added.size());
        for (int i = 0; i < added.size(); i++) {
            assertTrue(TAXII_TIMESTAMP.matcher(added.get(i)).matches(), added.get(i));
            if (i > 0) {
                assertTrue(added.get(i - 1).compareTo(added.get(i)) < 0, added.get(i - 1) + " !< " + added.get(i));
            }
        }
    }

    @Test
    void anAudienceLeavesOutTheRowsItMayCertainlyNotSee() {
        Organisation org = newOrganisation("readers");
        String ours = org.identityId();
        UUID reader = newUser("reader", org, Role.ANALYST).id();
        UUID other = newUser("other", newOrganisation("others"), Role.ANALYST).id();
        String clear = newId("report");
        String green = newId("report");
        String strictOurs = newId("report");
        String strictTheirs = newId("report");
        String redPosted = newId("report");
        String redNamed = newId("report");
        String redHidden = newId("report");
        String unmarked = newId("indicator");
        store.add(collection, reader, List.of(TestObjects.marked(clear, List.of(Tlp.CLEAR)),
                TestObjects.marked(green, List.of(Tlp.GREEN)),
                TestObjects.marked(strictOurs, List.of(Tlp.AMBER_STRICT)).with("created_by_ref", ours),
                TestObjects.marked(redPosted, List.of(Tlp.RED))));
        store.add(collection, other, List.of(TestObjects.marked(strictTheirs, List.of(Tlp.AMBER_STRICT)),
                TestObjects.redFor(redNamed, reader.toString()),
                TestObjects.marked(redHidden, List.of(Tlp.RED)), indicator(unmarked, time(1))));
        Audience member = new Audience(java.util.Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER), Tlp.AMBER, ours, reader,
                reader.toString());
        assertEquals(List.of(clear, green, strictOurs, redPosted, redNamed, unmarked),
                ids(store.objects(query().audience(member).build())));
        Audience anonymous = new Audience(java.util.Set.of(Tlp.CLEAR), Tlp.AMBER, null, null, null);
        assertEquals(List.of(clear), ids(store.objects(query().audience(anonymous).build())));
        Audience strictDefault = new Audience(java.util.Set.of(Tlp.CLEAR), Tlp.AMBER_STRICT, ours, reader,
                reader.toString());
        assertEquals(List.of(clear, strictOurs, redPosted, redNamed),
                ids(store.objects(query().audience(strictDefault).build())), "unmarked rows take the default");
        Audience nobody = new Audience(java.util.Set.of(), Tlp.AMBER, null, null, null);
        assertEquals(List.of(), ids(store.objects(query().audience(nobody).build())));
    }

    /**
     * An audience's pages are read as index ranges merged by date_added; paged a few rows at a time, with and
     * without filters, they hold exactly the rows the audience's rule keeps, in date order, across versions.
     */
    @Test
    void anAudiencesPagesHoldWhatItsRuleKeepsInDateOrder() {
        Organisation ours = newOrganisation("ours");
        Organisation theirs = newOrganisation("theirs");
        UUID reader = newUser("reader", ours, Role.ANALYST).id();
        UUID other = newUser("other", theirs, Role.ANALYST).id();
        List<Tlp> levels = List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED);
        Set<String> namingReader = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            List<StixObject> mine = new ArrayList<>();
            List<StixObject> others = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String type = i % 3 == 0 ? "indicator" : "report";
                String id = type + "--00000000-0000-4000-8000-0000000000" + String.format("%02d", i);
                StixObject o = i % 6 == 5 ? sdo(type, id, time(round))
                        : TestObjects.marked(id, List.of(levels.get(i % 5))).with("type", type)
                        .with("modified", time(round));
                if (i % 7 == 3) {
                    o = TestObjects.redFor(id, reader.toString()).with("type", type).with("modified", time(round));
                    namingReader.add(id);
                }
                o = o.with("created_by_ref", i % 2 == 0 ? ours.identityId() : theirs.identityId());
                (i % 4 == 0 ? mine : others).add(o);
            }
            store.add(collection, reader, mine);
            store.add(collection, other, others);
        }
        List<Audience> audiences = List.of(
                new Audience(Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER), Tlp.AMBER, ours.identityId(), reader,
                        reader.toString()),
                new Audience(Set.of(Tlp.CLEAR), Tlp.AMBER_STRICT, ours.identityId(), reader, reader.toString()),
                new Audience(Set.of(Tlp.CLEAR, Tlp.GREEN), Tlp.RED, ours.identityId(), reader, reader.toString()),
                new Audience(Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT), Tlp.AMBER, null, reader,
                        reader.toString()),
                new Audience(Set.of(Tlp.CLEAR), Tlp.GREEN, null, null, null));
        String middle = store.objects(query().versions(VersionMatch.ALL).build()).items().get(40).dateAdded();
        List<ObjectQuery> filters = List.of(query().build(), query().versions(VersionMatch.ALL).build(),
                query().versions(VersionMatch.FIRST).build(), query().types("indicator").build(),
                query().types("indicator", "report").versions(VersionMatch.ALL).build(),
                query().addedAfter(middle).build(),
                query().specVersions("2.1").versions(VersionMatch.FIRST).types("report").build(),
                query().types(IntStream.range(0, 20).mapToObj(i -> i == 7 ? "report" : "x-type-" + i).toList())
                        .build());
        for (Audience audience : audiences) {
            for (ObjectQuery filter : filters) {
                ObjectQuery everything = filter.toBuilder().limit(ObjectQuery.MAX_LIMIT).build();
                List<String> expected = store.objects(everything).items().stream()
                        .filter(o -> keeps(audience, o, namingReader))
                        .map(o -> o.id() + " " + o.dateAdded()).toList();
                ObjectQuery small = filter.toBuilder().limit(4).audience(audience).build();
                List<String> paged = new ArrayList<>();
                Page<StoredObject> page = store.objects(small);
                page.items().forEach(o -> paged.add(o.id() + " " + o.dateAdded()));
                while (page.more()) {
                    page = store.objects(small.after(page.next().get()));
                    page.items().forEach(o -> paged.add(o.id() + " " + o.dateAdded()));
                }
                assertEquals(expected, paged, audience + " " + everything);
            }
        }
    }

    /** The rule an audience narrows by, written out plainly. */
    private static boolean keeps(Audience a, StoredObject o, Set<String> namingReader) {
        Tlp level = o.tlp() == null ? a.unmarkedAs() : o.tlp();
        return a.open().contains(level)
                || level == Tlp.AMBER_STRICT && a.sourceIdentity() != null
                && a.sourceIdentity().equals(o.createdByRef())
                || level == Tlp.RED && a.poster() != null
                && (a.poster().equals(o.postedBy()) || namingReader.contains(o.id()));
    }

    @Test
    void policyColumnsComeFromTheObject() {
        String identity = newId("identity");
        StixObject object = TestObjects.marked(newId("report"), List.of(Tlp.GREEN, Tlp.AMBER_STRICT))
                .with("created_by_ref", identity);
        StixObject granular = TestObjects.marked(newId("report"), List.of(Tlp.CLEAR))
                .with("granular_markings", StixObject.builder("x", "y").put("g", List.of("a")).build()
                        .property("g").orElseThrow());
        String unmarked = newId("indicator");
        store.add(collection, List.of(object, granular, indicator(unmarked, time(1))));
        List<StoredObject> items = store.objects(query().build()).items();
        assertEquals(identity, items.get(0).createdByRef());
        assertEquals(Tlp.AMBER_STRICT, items.get(0).tlp());
        assertFalse(items.get(0).granularMarkings());
        assertEquals(Tlp.CLEAR, items.get(1).tlp());
        assertTrue(items.get(1).granularMarkings());
        assertEquals(null, items.get(2).tlp());
        assertEquals(null, items.get(2).createdByRef());
    }

    @Test
    void eachVersionRecordsWhoPostedItAndARepostKeepsTheFirstPoster() {
        Organisation org = newOrganisation("police");
        User ana = newUser("ana", org, Role.ANALYST);
        User bo = newUser("bo", org, Role.ANALYST);
        String a = newId("indicator");
        store.add(collection, ana.id(), List.of(indicator(a, time(1))));
        store.add(collection, bo.id(), List.of(indicator(a, time(1)), indicator(a, time(2))));
        store.add(collection, List.of(indicator(a, time(3))));
        assertEquals(Arrays.asList(ana.id(), bo.id(), null), store.objects(query().versions(VersionMatch.ALL).build())
                .items().stream().map(StoredObject::postedBy).toList());
        assertThrows(StoreException.class,
                () -> store.add(collection, UUID.randomUUID(), List.of(indicator(newId("indicator"), time(1)))));
    }

    // Versions and spec versions

    @Test
    void versionLastIsTheDefaultAndFirstAndAllAreThereOnRequest() {
        String a = newId("indicator");
        store.add(collection, List.of(indicator(a, time(2)), indicator(a, time(1))));
        store.add(collection, List.of(indicator(a, time(3))));
        assertEquals(List.of(time(3)), versionsOf(store.objects(query().build())));
        assertEquals(List.of(time(1)), versionsOf(store.objects(query().versions(VersionMatch.FIRST).build())));
        assertEquals(List.of(time(2), time(1), time(3)),
                versionsOf(store.objects(query().versions(VersionMatch.ALL).build())));
        assertEquals(List.of(time(1), time(3)),
                versionsOf(store.objects(query().versions(VersionMatch.parse("first,last")).build())));
    }

    @Test
    void explicitVersionsMatchAsInstantsWhateverTheirPrecision() {
        String a = newId("indicator");
        store.add(collection, List.of(indicator(a, time(1)), indicator(a, time(2)), indicator(a, time(3))));
        String second = time(2).replace(".000Z", "Z");
        String third = time(3).replace(".000Z", ".000000Z");
        assertEquals(List.of(time(2), time(3)), versionsOf(store.objects(
                query().versions(VersionMatch.exactly(List.of(second, third))).build())));
    }

    @Test
    void specVersionDefaultsToTheNewestHeldForEachObject() {
        String mixed = newId("indicator");
        String old = newId("indicator");
        store.add(collection, List.of(inSpec(indicator(mixed, time(5)), "2.0"), indicator(mixed, time(2)),
                inSpec(indicator(old, time(1)), "2.0"), inSpec(indicator(old, time(2)), "2.0")));
        Page<StoredObject> page = store.objects(query().build());
        assertEquals(List.of(mixed, old), ids(page));
        assertEquals(List.of(time(2), time(2)), versionsOf(page));
        assertEquals(List.of("2.1", "2.0"), page.items().stream().map(StoredObject::specVersion).toList());
    }

    @Test
    void anExplicitSpecVersionPicksLastAndFirstAmongItsOwnVersions() {
        String a = newId("indicator");
        store.add(collection, List.of(inSpec(indicator(a, time(1)), "2.0"), inSpec(indicator(a, time(2)), "2.0"),
                indicator(a, time(3))));
        assertEquals(List.of(time(2)), versionsOf(store.objects(query().specVersions("2.0").build())));
        assertEquals(List.of(time(1)),
                versionsOf(store.objects(query().specVersions("2.0").versions(VersionMatch.FIRST).build())));
        assertEquals(List.of(time(3)), versionsOf(store.objects(query().specVersions("2.0", "2.1").build())));
    }

    @Test
    void everyFilterCombinationMatchesTheOracle() {
        FilterOracle oracle = FilterOracle.load(store, collection);
        int checked = 0;
        for (ObjectQuery q : oracle.queries()) {
            List<FilterOracle.Row> expected = oracle.expect(q);
            assertEquals(expected, oracle.objectPages(q), () -> "objects for " + q);
            assertEquals(expected, oracle.manifestPages(q), () -> "manifest for " + q);
            checked++;
        }
        assertTrue(checked > 400, "checked " + checked);
    }

    @Test
    void addedAfterIsStrict() {
        List<AddResult> added = store.add(collection, List.of(indicator(newId("indicator"), time(1)),
                indicator(newId("indicator"), time(1)), indicator(newId("indicator"), time(1))));
        Page<StoredObject> page = store.objects(query().addedAfter(added.get(1).dateAdded()).build());
        assertEquals(List.of(added.get(2).id()), ids(page));
        assertTrue(store.objects(query().addedAfter(added.get(2).dateAdded()).build()).items().isEmpty());
    }

    // Manifest, versions, delete

    @Test
    void manifestListsIdDateAddedVersionAndMediaType() {
        String a = newId("indicator");
        List<AddResult> added = store.add(collection, List.of(indicator(a, time(1)), inSpec(sdo("malware",
                newId("malware"), time(2)), "2.0")));
        List<ManifestEntry> manifest = store.manifest(query().build()).items();
        assertEquals(new ManifestEntry(a, added.get(0).dateAdded(), time(1),
                "application/stix+json;version=2.1"), manifest.get(0));
        assertEquals("application/stix+json;version=2.0", manifest.get(1).mediaType());
    }

    @Test
    void versionsListEveryVersionOfOneObjectWithItsDateAdded() {
        String a = newId("indicator");
        List<AddResult> added = store.add(collection, List.of(indicator(a, time(2)), indicator(a, time(1)),
                indicator(newId("indicator"), time(1))));
        Page<VersionEntry> versions = store.versions(query().ids(a).versions(VersionMatch.ALL).build());
        assertEquals(List.of(new VersionEntry(a, time(2), added.get(0).dateAdded()),
                new VersionEntry(a, time(1), added.get(1).dateAdded())), versions.items());
    }

    @Test
    void deleteRemovesTheMatchingVersionsAndTheNextNewestBecomesLast() {
        String a = newId("indicator");
        String b = newId("indicator");
        store.add(collection, List.of(indicator(a, time(1)), indicator(a, time(2)), indicator(a, time(3)),
                indicator(b, time(1))));
        List<VersionEntry> gone = store.delete(query().ids(a).build());
        assertEquals(List.of(time(3)), gone.stream().map(VersionEntry::version).toList());
        assertEquals(List.of(time(2), time(1)), versionsOf(store.objects(query().build())));
        store.delete(query().ids(a).versions(VersionMatch.ALL).build());
        assertEquals(List.of(b), ids(store.objects(query().versions(VersionMatch.ALL).build())));
        assertThrows(IllegalArgumentException.class, () -> store.delete(query().ids(a, b).build()));
    }

    @Test
    void deletingTheNewestSpecVersionBringsBackTheOlderOne() {
        String a = newId("indicator");
        store.add(collection, List.of(inSpec(indicator(a, time(1)), "2.0"), indicator(a, time(2))));
        store.delete(query().ids(a).build());
        Page<StoredObject> page = store.objects(query().build());
        assertEquals(List.of("2.0"), page.items().stream().map(StoredObject::specVersion).toList());
    }

    @Test
    void aDeletedVersionCanBeAddedAgainWithANewDateAdded() {
        String a = newId("indicator");
        AddResult first = store.add(collection, List.of(indicator(a, time(1)))).get(0);
        store.delete(query().ids(a).build());
        AddResult again = store.add(collection, List.of(indicator(a, time(1)))).get(0);
        assertEquals(AddResult.Outcome.STORED, again.outcome());
        assertTrue(again.dateAdded().compareTo(first.dateAdded()) > 0);
    }

    // Paging

    @Test
    void pagesFollowTheirCursorsWithoutGapOrOverlap() {
        List<StixObject> objects = IntStream.range(0, 23).mapToObj(i -> indicator(newId("indicator"), time(i))).toList();
        store.add(collection, objects);
        List<String> seen = new ArrayList<>();
        ObjectQuery q = query().limit(5).build();
        int pages = 0;
        while (true) {
            Page<StoredObject> page = store.objects(q);
            seen.addAll(ids(page));
            pages++;
            if (!page.more()) {
                break;
            }
            q = q.after(Cursor.parse(page.next().orElseThrow().token()));
        }
        assertEquals(5, pages);
        assertEquals(objects.stream().map(StixObject::id).toList(), seen);
    }

    @Test
    void aFullLastPageSaysNoMore() {
        store.add(collection, IntStream.range(0, 4).mapToObj(i -> indicator(newId("indicator"), time(i))).toList());
        Page<StoredObject> first = store.objects(query().limit(2).build());
        assertTrue(first.more());
        Page<StoredObject> second = store.objects(query().limit(2).after(first.next().orElseThrow()).build());
        assertEquals(2, second.items().size());
        assertFalse(second.more());
        assertTrue(second.next().isEmpty());
    }

    @Test
    void keysetPagesSkipAndRepeatNothingWhileAnotherThreadInserts() throws Exception {
        for (int i = 0; i < 6; i++) {
            store.add(collection, IntStream.range(0, 50).mapToObj(n -> indicator(newId("indicator"), time(1))).toList());
        }
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Integer> writer = pool.submit(() -> {
            int batches = 0;
            while (reading.get() || batches < 3) {
                store.add(collection, IntStream.range(0, 7).mapToObj(n -> indicator(newId("indicator"), time(2))).toList());
                batches++;
            }
            return batches;
        });
        List<StoredObject> seen = new ArrayList<>();
        ObjectQuery q = query().limit(17).build();
        for (Page<StoredObject> page = store.objects(q); ; page = store.objects(q)) {
            seen.addAll(page.items());
            if (!page.more()) {
                break;
            }
            q = q.after(page.next().orElseThrow());
        }
        reading.set(false);
        assertTrue(writer.get(60, TimeUnit.SECONDS) >= 3);
        pool.shutdown();
        List<StoredObject> all = store.objects(query().limit(ObjectQuery.MAX_LIMIT).build()).items();
        assertTrue(seen.size() >= 300, "seen " + seen.size());
        assertEquals(all.subList(0, seen.size()).stream().map(StoredObject::id).toList(),
                seen.stream().map(StoredObject::id).toList(), "the pages are exactly a prefix of the collection");
    }

    // Concurrency

    @Test
    void concurrentWritersToOneCollectionLoseNothingAndShareNoDateAdded() throws Exception {
        List<StixObject> shared = IntStream.range(0, 20).mapToObj(i -> indicator(newId("indicator"), time(1))).toList();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<AddResult> results = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int b = 0; b < 8; b++) {
                    List<StixObject> batch = new ArrayList<>(shared.subList(b * 2, b * 2 + 3));
                    IntStream.range(0, 10).forEach(i -> batch.add(indicator(newId("indicator"), time(1))));
                    results.addAll(store.add(collection, batch));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Set<String> storedIds = new HashSet<>();
        for (AddResult r : results) {
            if (r.outcome() == AddResult.Outcome.STORED) {
                assertTrue(storedIds.add(r.id()), r.id() + " stored twice");
            }
        }
        List<StoredObject> all = store.objects(query().versions(VersionMatch.ALL).limit(ObjectQuery.MAX_LIMIT).build()).items();
        assertEquals(threads * 8 * 10 + 17, all.size());
        assertEquals(storedIds, new HashSet<>(all.stream().map(StoredObject::id).toList()));
        assertEquals(all.size(), all.stream().map(StoredObject::dateAdded).distinct().count());
    }

    // Collections and API roots

    @Test
    void apiRootsAndCollectionsRoundTrip() {
        ApiRoot second = new ApiRoot("api2", "Second", "for partners", 1_000);
        store.putApiRoot(second);
        assertEquals(List.of("api1", "api2"), store.apiRoots().stream().map(ApiRoot::name).toList());
        assertEquals(second, store.apiRoot("api2").orElseThrow());
        Collection c = Collection.of(UUID.randomUUID(), "api2", "Feeds").withDescription("public feeds")
                .withAlias("feeds").withPublic(true).withDefaultMarking(Tlp.GREEN);
        store.putCollection(c);
        assertEquals(c, store.collection(c.id()).orElseThrow());
        assertEquals(c, store.collectionByAlias("api2", "feeds").orElseThrow());
        assertEquals(List.of(c), store.collections("api2"));
        Collection renamed = c.withAlias(null).withPublic(false);
        store.putCollection(renamed);
        assertEquals(renamed, store.collection(c.id()).orElseThrow());
        assertTrue(store.collectionByAlias("api2", "feeds").isEmpty());
    }

    @Test
    void aNewCollectionIsPrivateAndAmberByDefault() {
        Collection c = store.collection(collection).orElseThrow();
        assertFalse(c.isPublic());
        assertEquals(Tlp.AMBER, c.defaultMarking());
        assertEquals(List.of(Collection.STIX_MEDIA_TYPE), c.mediaTypes());
    }

    @Test
    void anAliasIsUniqueWithinItsApiRoot() {
        store.putApiRoot(new ApiRoot("api2", "Second", null, 1_000));
        store.putCollection(Collection.of(UUID.randomUUID(), ROOT, "a").withAlias("shared"));
        store.putCollection(Collection.of(UUID.randomUUID(), "api2", "b").withAlias("shared"));
        StoreException e = assertThrows(StoreException.class,
                () -> store.putCollection(Collection.of(UUID.randomUUID(), ROOT, "c").withAlias("shared")));
        assertTrue(e.getMessage().contains("shared"), e.getMessage());
    }

    @Test
    void aCollectionNeedsAnExistingApiRoot() {
        StoreException e = assertThrows(StoreException.class,
                () -> store.putCollection(Collection.of(UUID.randomUUID(), "nowhere", "x")));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    // Principals

    Organisation newOrganisation(String name) {
        Organisation org = new Organisation(UUID.randomUUID(), name, newId("identity"), true);
        store.putOrganisation(org);
        return org;
    }

    User newUser(String name, Organisation org, Role role) {
        User user = new User(UUID.randomUUID(), name, org.id(), role, "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA");
        store.putUser(user);
        return user;
    }

    @Test
    void organisationsAndUsersRoundTrip() {
        Organisation police = newOrganisation("police");
        Organisation cert = new Organisation(UUID.randomUUID(), "cert", newId("identity"), false);
        store.putOrganisation(cert);
        User ana = newUser("ana", police, Role.ANALYST);
        User fed = new User(UUID.randomUUID(), "peer-hub", cert.id(), Role.FEDERATION, null);
        store.putUser(fed);
        assertEquals(List.of(cert, police), store.organisations());
        assertEquals(police, store.organisationByName("police").orElseThrow());
        assertEquals(cert, store.organisation(cert.id()).orElseThrow());
        assertEquals(ana, store.user(ana.id()).orElseThrow());
        assertEquals(fed, store.userByName("peer-hub").orElseThrow());
        assertEquals(List.of(ana, fed), store.users());
        User promoted = new User(ana.id(), "ana", police.id(), Role.ADMIN, ana.passwordHash());
        store.putUser(promoted);
        assertEquals(Role.ADMIN, store.user(ana.id()).orElseThrow().role());
    }

    @Test
    void namesOfOrganisationsAndUsersAreUnique() {
        Organisation org = newOrganisation("police");
        assertThrows(StoreException.class, () -> newOrganisation("police"));
        newUser("ana", org, Role.READER);
        StoreException e = assertThrows(StoreException.class, () -> newUser("ana", org, Role.READER));
        assertTrue(e.getMessage().contains("user name"), e.getMessage());
        assertThrows(StoreException.class, () -> store.putUser(
                new User(UUID.randomUUID(), "bo", UUID.randomUUID(), Role.READER, null)));
    }

    @Test
    void tokensAreFoundByHashAndCanExpireAndBeRevoked() {
        User ana = newUser("ana", newOrganisation("police"), Role.ANALYST);
        Instant now = Instant.now();
        ApiToken all = new ApiToken(UUID.randomUUID(), ana.id(), "a".repeat(64), TokenScope.all(), null, false, now);
        ApiToken scoped = new ApiToken(UUID.randomUUID(), ana.id(), "b".repeat(64), TokenScope.only(Set.of(collection)),
                now.plusSeconds(3600), false, now.plusSeconds(1));
        store.addToken(all);
        store.addToken(scoped);
        assertEquals(all, store.tokenByHash("a".repeat(64)).orElseThrow());
        ApiToken found = store.tokenByHash("b".repeat(64)).orElseThrow();
        assertEquals(scoped, found);
        assertTrue(found.scope().covers(collection));
        assertFalse(found.scope().covers(UUID.randomUUID()));
        assertTrue(found.usableAt(now));
        assertFalse(found.usableAt(now.plusSeconds(7200)));
        assertTrue(store.tokenByHash("c".repeat(64)).isEmpty());
        assertEquals(List.of(all.id(), scoped.id()), store.tokens(ana.id()).stream().map(ApiToken::id).toList());
        assertTrue(store.revokeToken(all.id()));
        assertFalse(store.revokeToken(UUID.randomUUID()));
        assertFalse(store.tokenByHash("a".repeat(64)).orElseThrow().usableAt(now));
        assertThrows(StoreException.class, () -> store.addToken(new ApiToken(UUID.randomUUID(), ana.id(),
                "a".repeat(64), TokenScope.all(), null, false, now)));
    }

    @Test
    void aTokenKeepsItsInstantsToTheMicrosecond() {
        User ana = newUser("ana", newOrganisation("police"), Role.ANALYST);
        Instant created = Instant.parse("2024-01-01T00:00:00.123456789Z");
        ApiToken token = new ApiToken(UUID.randomUUID(), ana.id(), "d".repeat(64), TokenScope.all(), null, false, created);
        store.addToken(token);
        assertEquals(created.truncatedTo(ChronoUnit.MICROS), store.tokenByHash("d".repeat(64)).orElseThrow().created());
    }

    @Test
    void grantsSayWhoMayReadAndWriteWhichCollection() {
        Organisation org = newOrganisation("police");
        User ana = newUser("ana", org, Role.ANALYST);
        User bo = newUser("bo", org, Role.READER);
        UUID other = newCollection();
        store.putGrant(new Grant(ana.id(), collection, true, true));
        store.putGrant(new Grant(ana.id(), other, true, false));
        store.putGrant(new Grant(bo.id(), collection, true, false));
        assertEquals(new Grant(ana.id(), collection, true, true), store.grant(ana.id(), collection).orElseThrow());
        assertEquals(2, store.grants(ana.id()).size());
        assertEquals(Set.of(ana.id(), bo.id()),
                new HashSet<>(store.grantsOn(collection).stream().map(Grant::userId).toList()));
        store.putGrant(new Grant(ana.id(), collection, true, false));
        assertFalse(store.grant(ana.id(), collection).orElseThrow().write());
        store.putGrant(new Grant(bo.id(), collection, false, false));
        assertTrue(store.grant(bo.id(), collection).isEmpty());
        assertTrue(store.grant(bo.id(), other).isEmpty());
    }

    // Status resources

    @Test
    void aStatusSurvivesCloseAndReopen() {
        User ana = newUser("ana", newOrganisation("police"), Role.ANALYST);
        Status pending = new Status(UUID.randomUUID(), ROOT, ana.id(), Status.State.PENDING,
                "2024-03-01T10:00:00.123456Z", 3, 1, 1, 1,
                List.of(new Status.Detail("indicator--1", "2024-03-01T10:00:00.000Z", null)),
                List.of(new Status.Detail("malware--2", null, "name is required")),
                List.of(new Status.Detail("report--3", "2024-03-01T10:00:01.000Z", null)));
        store.putStatus(pending);
        reopen();
        assertEquals(pending, store.status(pending.id()).orElseThrow());
        Status complete = new Status(pending.id(), ROOT, ana.id(), Status.State.COMPLETE,
                pending.requestTimestamp(), 3, 2, 1, 0,
                List.of(pending.successes().get(0), pending.pendings().get(0)), pending.failures(), List.of());
        store.putStatus(complete);
        reopen();
        assertEquals(complete, store.status(pending.id()).orElseThrow());
        assertTrue(store.status(UUID.randomUUID()).isEmpty());
    }

    @Test
    void anAddStoresItsStatusInTheSameTransaction() {
        UUID statusId = UUID.randomUUID();
        String id = newId("indicator");
        List<AddResult> added = store.add(collection, null, List.of(indicator(id, time(1))), results ->
                new Status(statusId, ROOT, null, Status.State.COMPLETE, "2024-03-01T10:00:00.000000Z", 1,
                        results.size(), 0, 0, results.stream().map(r -> new Status.Detail(r.id(), r.version(), null))
                        .toList(), List.of(), List.of()));
        reopen();
        Status status = store.status(statusId).orElseThrow();
        assertEquals(List.of(id), status.successes().stream().map(Status.Detail::id).toList());
        assertEquals(added.get(0).version(), status.successes().get(0).version());
        assertEquals(1, store.objects(query().build()).items().size());
    }

    @Test
    void anAddWhoseStatusCannotBeMadeStoresNothing() {
        assertThrows(IllegalStateException.class, () -> store.add(collection, null,
                List.of(indicator(newId("indicator"), time(1))), results -> {
                    throw new IllegalStateException("no status");
                }));
        assertTrue(store.objects(query().build()).items().isEmpty());
    }

    @Test
    void aStatusWithoutListsReadsBackEmpty() {
        Status s = new Status(UUID.randomUUID(), ROOT, null, Status.State.COMPLETE, "2024-03-01T10:00:00.000000Z",
                0, 0, 0, 0, List.of(), List.of(), List.of());
        store.putStatus(s);
        assertEquals(s, store.status(s.id()).orElseThrow());
    }

    // Audit

    static void assertChainIntact(List<AuditRecord> records) {
        String prev = AuditRecord.GENESIS;
        for (int i = 0; i < records.size(); i++) {
            AuditRecord r = records.get(i);
            assertEquals(i + 1, r.seq(), "sequence numbers have no gaps");
            assertEquals(prev, r.prevHash(), "record " + r.seq() + " links to the one before");
            assertEquals(r.computeHash(), r.hash(), "record " + r.seq() + " is intact");
            prev = r.hash();
        }
    }

    @Test
    void auditRecordsFormAnIntactHashChain() {
        UUID ana = UUID.randomUUID();
        AuditRecord first = store.appendAudit(new AuditEvent(ana, "read", "/api1/collections/x/objects/",
                List.of("indicator--1", "malware--2"), null));
        store.appendAudit(new AuditEvent(null, "login-failed", "/taxii2/", List.of(), "user bob"));
        store.appendAudit(new AuditEvent(ana, "delete", "/x", List.of("odd\nid\\with,escapes"), "detail"));
        List<AuditRecord> records = store.audit(AuditQuery.all(100));
        assertEquals(3, records.size());
        assertEquals(first, records.get(0));
        assertEquals(List.of("odd\nid\\with,escapes"), records.get(2).objectIds());
        assertChainIntact(records);
        assertEquals(AuditRecord.GENESIS, first.prevHash());
        assertEquals(new AuditHead(3, records.get(2).hash(), AuditHead.Seal.UNKEYED), store.auditHead(),
                "the head moves with each append");
    }

    @Test
    void lazilyAppendedRecordsJoinTheSameChainAndLeaveLaterWritesDurable() {
        UUID ana = UUID.randomUUID();
        store.appendAuditLazily(new AuditEvent(ana, "read", "/a", List.of("indicator--1"), null));
        store.appendAudit(new AuditEvent(ana, "delete", "/b", List.of("indicator--1"), null));
        store.appendAuditLazily(new AuditEvent(ana, "read", "/c", List.of(), null));
        String id = newId("indicator");
        store.add(collection, List.of(indicator(id, time(1))));
        reopen();
        List<AuditRecord> records = store.audit(AuditQuery.all(100));
        assertEquals(List.of("/a", "/b", "/c"), records.stream().map(AuditRecord::path).toList());
        assertChainIntact(records);
        assertEquals(List.of(id), ids(store.objects(query().build())));
    }

    @Test
    void aReadOfManyObjectsIsOneAuditRecord() throws SQLException {
        List<String> ids = IntStream.range(0, 1000).mapToObj(i -> newId("indicator")).toList();
        AuditRecord r = store.appendAudit(new AuditEvent(UUID.randomUUID(), "read", "/p", ids, null));
        assertEquals(ids, store.audit(AuditQuery.all(10)).get(0).objectIds());
        assertEquals(r.hash(), store.audit(AuditQuery.all(10).naming(ids.get(500))).get(0).hash());
        try (Connection c = rawConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM audit")) {
            rs.next();
            assertEquals(1, rs.getLong(1));
        }
    }

    @Test
    void aPageReadAgainSharesItsStoredIdList() throws SQLException {
        List<String> page = IntStream.range(0, 500).mapToObj(i -> newId("indicator")).toList();
        List<String> other = IntStream.range(0, 500).mapToObj(i -> newId("malware")).toList();
        UUID ana = UUID.randomUUID();
        store.appendAudit(new AuditEvent(ana, "read", "/p", page, null));
        store.appendAuditLazily(new AuditEvent(ana, "read", "/p", other, null));
        store.appendAuditLazily(new AuditEvent(UUID.randomUUID(), "read", "/p", page, null));
        store.appendAudit(new AuditEvent(ana, "read", "/p", page.subList(0, 3), null));

        List<AuditRecord> records = store.audit(AuditQuery.all(10));
        assertEquals(List.of(page, other, page, page.subList(0, 3)), records.stream().map(AuditRecord::objectIds).toList());
        assertChainIntact(records);
        assertEquals(List.of(1L, 3L, 4L), records(AuditQuery.all(10).naming(page.get(1))));
        assertEquals(List.of(3L), records(AuditQuery.all(10).naming(page.get(499)).afterSeq(1)));
        assertEquals(List.of(2L), records(AuditQuery.all(10).naming(other.get(250))));
        try (Connection c = rawConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM audit_id_lists")) {
            rs.next();
            assertEquals(2, rs.getLong(1), "each long list is stored once; short ones stay in their record");
        }
    }

    private List<Long> records(AuditQuery q) {
        return seqs(store.audit(q));
    }

    @Test
    void auditListingsFilterByUserObjectAndTime() throws InterruptedException {
        UUID ana = UUID.randomUUID();
        UUID bo = UUID.randomUUID();
        store.appendAudit(new AuditEvent(ana, "read", "/a", List.of("indicator--1", "indicator--12"), null));
        store.appendAudit(new AuditEvent(bo, "read", "/b", List.of("indicator--2"), null));
        Thread.sleep(2);
        Instant between = Instant.now();
        Thread.sleep(2);
        store.appendAudit(new AuditEvent(ana, "add", "/c", List.of("indicator--2"), null));
        assertEquals(List.of(1L, 3L), seqs(store.audit(AuditQuery.all(10).byActor(ana))));
        assertEquals(List.of(2L, 3L), seqs(store.audit(AuditQuery.all(10).naming("indicator--2"))));
        assertEquals(List.of(1L), seqs(store.audit(AuditQuery.all(10).naming("indicator--1"))));
        assertEquals(List.of(3L), seqs(store.audit(AuditQuery.all(10).since(between))));
        assertEquals(List.of(3L), seqs(store.audit(AuditQuery.all(10).byActor(ana).naming("indicator--2"))));
        assertEquals(List.of(2L), seqs(store.audit(AuditQuery.all(1).afterSeq(1))));
    }

    private static List<Long> seqs(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::seq).toList();
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAuditRecords() throws SQLException {
        store.appendAudit(new AuditEvent(null, "read", "/a", List.of("indicator--1"), null));
        store.appendAudit(new AuditEvent(null, "read", "/a",
                IntStream.range(0, 100).mapToObj(i -> newId("indicator")).toList(), null));
        try (Connection c = rawConnection(); Statement st = c.createStatement()) {
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE audit SET action = 'nothing'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit"));
            assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE audit_id_lists SET digest = 'x'"));
            assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM audit_id_lists"));
        }
        assertEquals("read", store.audit(AuditQuery.all(10)).get(0).action());
    }

    @Test
    void concurrentAuditAppendsKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    store.appendAudit(new AuditEvent(UUID.randomUUID(), "read", "/p", List.of(newId("indicator")), null));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<AuditRecord> records = store.audit(AuditQuery.all(1000));
        assertEquals(100, records.size());
        assertChainIntact(records);
        List<Instant> times = new ArrayList<>(records.stream().map(AuditRecord::at).toList());
        List<Instant> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        assertEquals(sorted, times, "times never go back along the chain");
    }

    @Test
    void aKeyedStoreSealsTheHeadAndNoticesAHeadWrittenWithoutTheKey() throws SQLException {
        store.appendAudit(new AuditEvent(null, "read", "/a", List.of("indicator--1"), null));
        byte[] key = new byte[32];
        key[0] = 7;
        store.close();
        store = Store.open(config.withAuditKey(key));
        assertEquals(AuditHead.Seal.BROKEN, store.auditHead().seal(), "a log never sealed is not taken on trust");
        assertEquals(AuditHead.Seal.INTACT, store.sealAuditHead().seal());
        AuditRecord second = store.appendAuditLazily(new AuditEvent(null, "read", "/b", List.of(), null));
        assertEquals(new AuditHead(2, second.hash(), AuditHead.Seal.INTACT), store.auditHead());
        try (Connection c = rawConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE audit_head SET hash = '" + store.audit(AuditQuery.all(1)).get(0).hash()
                    + "' WHERE id = 1");
        }
        assertEquals(AuditHead.Seal.BROKEN, store.auditHead().seal(), "a head rewritten by hand");
        store.appendAuditLazily(new AuditEvent(null, "read", "/c", List.of(), null));
        assertEquals(AuditHead.Seal.BROKEN, store.auditHead().seal(), "appending does not seal over the change");
        byte[] other = key.clone();
        other[0] = 8;
        store.close();
        store = Store.open(config.withAuditKey(other));
        assertEquals(AuditHead.Seal.BROKEN, store.auditHead().seal(), "another installation's key");
        store.close();
        store = Store.open(config);
        assertEquals(AuditHead.Seal.UNKEYED, store.auditHead().seal());
        assertThrows(IllegalStateException.class, () -> store.sealAuditHead());
    }

    @Test
    void alteringARecordBreaksItsHash() {
        AuditRecord r = store.appendAudit(new AuditEvent(null, "read", "/a", List.of("indicator--1"), null));
        assertEquals(r.hash(), r.computeHash());
        AuditRecord forged = new AuditRecord(r.seq(), r.at(), r.actor(), "nothing", r.path(), r.objectIds(),
                r.idsDigest(), r.detail(), r.prevHash(), r.hash());
        assertFalse(forged.computeHash().equals(forged.hash()));
    }

    @Test
    void aRecordsDigestIsOfItsIdsAsStored() {
        AuditRecord one = store.appendAudit(new AuditEvent(null, "read", "/a", List.of("indicator--1"), null));
        AuditRecord two = store.appendAudit(new AuditEvent(null, "read", "/a", List.of("indicator--2"), null));
        AuditRecord again = store.appendAudit(new AuditEvent(null, "read", "/b", List.of("indicator--1"), null));
        assertNotEquals(one.idsDigest(), two.idsDigest());
        assertEquals(one.idsDigest(), again.idsDigest());
        assertEquals(List.of(one, two, again), store.audit(AuditQuery.all(10)), "records read back as appended");
    }

    // Reopening

    @Test
    void reopeningKeepsEverythingAndMigratesNothingTwice() {
        String a = newId("indicator");
        store.add(collection, List.of(indicator(a, time(1))));
        store.appendAudit(new AuditEvent(null, "add", "/a", List.of(a), null));
        reopen();
        reopen();
        assertEquals(List.of(a), ids(store.objects(query().build())));
        assertChainIntact(store.audit(AuditQuery.all(10)));
        AddResult next = store.add(collection, List.of(indicator(newId("indicator"), time(1)))).get(0);
        assertEquals(AddResult.Outcome.STORED, next.outcome());
    }

    // Full-text search and browser sessions

    private List<String> found(String... words) {
        Audience all = new Audience(Set.of(Tlp.values()), Tlp.AMBER, null, null, null);
        return store.search(new SearchQuery(List.of(words), List.of(new PlaceQuery.Scope(collection, all)), List.of(),
                null, null, null, 50)).stream().map(SearchQuery.Hit::objectId).toList();
    }

    @Test
    void searchFindsTheNewestVersionByWordPrefixesAndForgetsDeletedObjects() {
        String report = newId("report");
        store.add(collection, List.of(report(report, time(5), "2024-03-01T00:00:00Z", List.of(), null)
                .with("description", "Protest planned near the Fisht stadium")));
        assertEquals(List.of(report), found("fisht", "stad"));
        assertEquals(List.of(), found("fisht", "airport"));
        store.add(collection, List.of(report(report, time(9), "2024-03-01T00:00:00Z", List.of(), null)
                .with("description", "Protest moved to the airport")));
        assertEquals(List.of(), found("fisht"), "the older version's words no longer match");
        assertEquals(List.of(report), found("airport"));
        store.delete(ObjectQuery.in(collection).ids(List.of(report)).versions(VersionMatch.LAST).build());
        assertEquals(List.of(report), found("fisht"), "deleting the newest indexes the one before");
        store.delete(ObjectQuery.in(collection).ids(List.of(report)).versions(VersionMatch.ALL).build());
        assertEquals(List.of(), found("fisht"));
    }

    @Test
    void searchKeepsOnlyRowsTheAudienceCouldSee() {
        String strict = newId("report");
        String green = newId("report");
        store.add(collection, List.of(report(strict, time(1), "2024-03-01T00:00:00Z", List.of(), Tlp.AMBER_STRICT),
                report(green, time(2), "2024-03-01T00:00:00Z", List.of(), Tlp.GREEN)));
        Audience greenOnly = new Audience(Set.of(Tlp.CLEAR, Tlp.GREEN), Tlp.AMBER, null, null, null);
        List<String> ids = store.search(new SearchQuery(List.of("report"), List.of(new PlaceQuery.Scope(collection,
                greenOnly)), List.of(), null, null, null, 50)).stream().map(SearchQuery.Hit::objectId).toList();
        assertEquals(List.of(green), ids);
    }

    @Test
    void searchNarrowsToObjectsReferencingAPlaceAndToTheirSource() {
        String sochi = newId("location");
        String adler = newId("location");
        String ours = "identity--" + UUID.randomUUID();
        String theirs = "identity--" + UUID.randomUUID();
        String atSochi = newId("report");
        String atAdler = newId("report");
        String atBoth = newId("report");
        store.add(collection, List.of(
                report(atSochi, time(1), "2024-03-01T00:00:00Z", List.of(sochi), null).with("created_by_ref", ours),
                report(atAdler, time(2), "2024-03-01T00:00:00Z", List.of(adler), null).with("created_by_ref", theirs),
                report(atBoth, time(3), "2024-03-01T00:00:00Z", List.of(sochi, adler), null)));
        Audience all = new Audience(Set.of(Tlp.values()), Tlp.AMBER, null, null, null);
        java.util.function.BiFunction<List<String>, List<String>, List<String>> search = (places, sources) ->
                store.search(new SearchQuery(List.of("report"), List.of(new PlaceQuery.Scope(collection, all)),
                        List.of(), null, null, null, 50, places, sources)).stream().map(SearchQuery.Hit::objectId)
                        .toList();
        assertEquals(List.of(atBoth, atSochi), search.apply(List.of(sochi), List.of()));
        assertEquals(List.of(atBoth, atAdler, atSochi), search.apply(List.of(sochi, adler), List.of()));
        assertEquals(List.of(atAdler), search.apply(List.of(), List.of(theirs)));
        assertEquals(List.of(), search.apply(List.of(adler), List.of(ours)));
        assertEquals(List.of(atSochi), search.apply(List.of(sochi), List.of(ours, theirs)));
    }

    @Test
    void theReferenceIndexFollowsTheNewestVersionAndLeavesMarkingsOut() {
        String place = newId("location");
        String other = newId("location");
        String report = newId("report");
        Audience all = new Audience(Set.of(Tlp.values()), Tlp.AMBER, null, null, null);
        List<PlaceQuery.Scope> scopes = List.of(new PlaceQuery.Scope(collection, all));
        store.add(collection, List.of(report(report, time(5), "2024-03-01T00:00:00Z", List.of(place), Tlp.GREEN)));
        assertEquals(List.of(report), store.referencing(scopes, place, 10).stream().map(SearchQuery.Hit::objectId)
                .toList());
        assertTrue(store.referencing(scopes, Tlp.GREEN.markingId(), 10).isEmpty(), "markings are not references");
        store.add(collection, List.of(report(report, time(9), "2024-03-01T00:00:00Z", List.of(other), Tlp.GREEN)));
        assertTrue(store.referencing(scopes, place, 10).isEmpty(), "the newer version no longer names it");
        assertEquals(1, store.referencing(scopes, other, 10).size());
    }

    @Test
    void aSessionIsKeptByItsHashAndEnds() {
        User u = new User(UUID.randomUUID(), "sam", UUID.randomUUID(), Role.ANALYST, "x");
        Organisation o = new Organisation(u.organisationId(), "Org of sam", "identity--" + UUID.randomUUID(), true);
        store.putOrganisation(o);
        store.putUser(u);
        String hash = "ab".repeat(32);
        java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
        store.putSession(new WebSession(hash, u.id(), "csrf-token", now, now.plusSeconds(3600)));
        assertEquals(u.id(), store.sessionByHash(hash).orElseThrow().userId());
        assertEquals("csrf-token", store.sessionByHash(hash).orElseThrow().csrf());
        assertEquals(now, store.sessionByHash(hash).orElseThrow().lastSeen());
        assertTrue(store.touchSession(hash, now.plusSeconds(90)));
        assertFalse(store.touchSession(hash, now.plusSeconds(60)), "a use noted later is kept");
        assertEquals(now.plusSeconds(90), store.sessionByHash(hash).orElseThrow().lastSeen());
        assertTrue(store.deleteSession(hash));
        assertTrue(store.sessionByHash(hash).isEmpty());
    }

    @Test
    void oneHolderAtATimeHasALeaseOnWorkUntilItRunsOutOrIsGivenBack() {
        Instant now = Instant.now();
        assertTrue(store.leaseWork("webhooks of u", "node-a", now.plusSeconds(60)));
        assertFalse(store.leaseWork("webhooks of u", "node-b", now.plusSeconds(60)), "held by node-a");
        assertTrue(store.leaseWork("webhooks of u", "node-a", now.plusSeconds(120)), "renewed by its holder");
        assertTrue(store.leaseWork("webhooks of v", "node-b", now.plusSeconds(60)), "other work is free");
        store.releaseWork("webhooks of u", "node-b");
        assertFalse(store.leaseWork("webhooks of u", "node-b", now.plusSeconds(60)), "only the holder gives it back");
        store.releaseWork("webhooks of u", "node-a");
        assertTrue(store.leaseWork("webhooks of u", "node-b", now.minusSeconds(1)), "given back, it is free");
        assertTrue(store.leaseWork("webhooks of u", "node-a", now.plusSeconds(60)), "run out, it can be taken");
    }

    // The place index

    private static StixObject report(String id, String modified, String published, List<String> refs, Tlp tlp) {
        StixObject.Builder b = StixObject.builder("report", id).put("created", time(0)).put("modified", modified)
                .put("name", "report " + id).put("published", published).put("object_refs", refs);
        if (tlp != null) {
            b.put("object_marking_refs", List.of(tlp.markingId()));
        }
        return b.build();
    }

    private static PlaceQuery everyone(UUID collectionId, java.time.LocalDate from, java.time.LocalDate to) {
        Audience all = new Audience(Set.of(Tlp.values()), Tlp.AMBER, null, null, null);
        return new PlaceQuery(List.of(new PlaceQuery.Scope(collectionId, all)), from, to, Set.of(), Set.of());
    }

    private static final java.time.LocalDate MAR_1 = java.time.LocalDate.of(2024, 3, 1);

    @Test
    void reportNamingALocationIsIndexedOnTheDayItWasPublished() {
        String place = newId("location");
        String report = newId("report");
        store.add(collection, List.of(report(report, time(1), "2024-02-20T08:00:00Z", List.of(place,
                newId("threat-actor")), null)));
        List<PlaceLink> links = store.placeLinks(everyone(collection, MAR_1.minusDays(30), MAR_1));
        assertEquals(1, links.size(), links::toString);
        assertEquals(place, links.get(0).placeId());
        assertEquals(report, links.get(0).storyId());
        assertEquals(java.time.LocalDate.of(2024, 2, 20), links.get(0).day());
    }

    @Test
    void everyChangeToThePlaceIndexIsLoggedInOrderAndItsRowsCanBeReadAgain() {
        String place = newId("location");
        String report = newId("report");
        String copy = newId("report");
        long before = store.placeIndexChanges(Long.MAX_VALUE, 1).settled();
        store.add(collection, List.of(report(report, time(1), "2024-02-20T08:00:00Z", List.of(place), null),
                indicator(newId("indicator"), time(1))));
        store.add(collection, List.of(StixObject.builder("relationship", newId("relationship")).put("created", time(2))
                .put("modified", time(2)).put("relationship_type", "duplicate-of").put("source_ref", copy)
                .put("target_ref", report).build()));
        PlaceIndexChange.Log log = store.placeIndexChanges(0, 100);
        List<String> changed = log.changes().stream().map(PlaceIndexChange::objectId).toList();
        assertEquals(2, changed.size(), "the report and the relationship, not the indicator: " + changed);
        assertEquals(report, changed.get(0));
        assertTrue(log.changes().get(0).seq() < log.changes().get(1).seq());
        assertTrue(log.settled() <= log.changes().get(1).seq() && log.settled() >= before,
                "nothing just written is settled yet: " + log.settled());
        List<PlaceLink> links = new ArrayList<>();
        List<PlaceIndexRows.Copy> copies = new ArrayList<>();
        PlaceIndexRows sink = new PlaceIndexRows() {
            @Override
            public void link(PlaceLink l) {
                links.add(l);
            }

            @Override
            public void copy(PlaceIndexRows.Copy c) {
                copies.add(c);
            }
        };
        store.readPlaceIndex(Set.of(new PlaceIndexRows.Key(collection, report)), sink);
        assertEquals(List.of(place), links.stream().map(PlaceLink::placeId).toList());
        assertTrue(copies.isEmpty());
        store.readPlaceIndex(Set.of(), sink);
        assertEquals(List.of(copy), copies.stream().map(PlaceIndexRows.Copy::copyId).toList());
        store.prunePlaceIndexChanges(java.time.Instant.now().plusSeconds(1));
        PlaceIndexChange.Log pruned = store.placeIndexChanges(0, 100);
        assertTrue(pruned.changes().isEmpty());
        store.add(collection, List.of(report(report, time(2), "2024-02-21T08:00:00Z", List.of(place), null)));
        assertTrue(store.placeIndexChanges(0, 100).changes().get(0).seq() > log.changes().get(1).seq(),
                "numbers are never reused after a prune");
    }

    @Test
    void aNewerVersionReplacesWhatTheOlderSaidAndAnOlderOneChangesNothing() {
        String sochi = newId("location");
        String adler = newId("location");
        String report = newId("report");
        store.add(collection, List.of(report(report, time(5), "2024-03-01T00:00:00Z", List.of(sochi), null)));
        store.add(collection, List.of(report(report, time(9), "2024-03-01T00:00:00Z", List.of(adler), null)));
        store.add(collection, List.of(report(report, time(7), "2024-03-01T00:00:00Z", List.of(sochi), null)));
        List<PlaceLink> links = store.placeLinks(everyone(collection, MAR_1, MAR_1));
        assertEquals(List.of(adler), links.stream().map(PlaceLink::placeId).toList());
    }

    @Test
    void deletingTheNewestVersionIndexesTheOneBeforeAndDeletingAllRemovesIt() {
        String sochi = newId("location");
        String adler = newId("location");
        String report = newId("report");
        store.add(collection, List.of(report(report, time(5), "2024-03-01T00:00:00Z", List.of(sochi), null),
                report(report, time(9), "2024-03-01T00:00:00Z", List.of(adler), null)));
        store.delete(ObjectQuery.in(collection).ids(List.of(report)).versions(VersionMatch.LAST).build());
        assertEquals(List.of(sochi), store.placeLinks(everyone(collection, MAR_1, MAR_1)).stream()
                .map(PlaceLink::placeId).toList());
        store.delete(ObjectQuery.in(collection).ids(List.of(report)).versions(VersionMatch.ALL).build());
        assertTrue(store.placeLinks(everyone(collection, MAR_1, MAR_1)).isEmpty());
    }

    @Test
    void aDuplicateCountsAsTheStoryItCopies() {
        String place = newId("location");
        String original = newId("report");
        String copy = newId("report");
        store.add(collection, List.of(report(original, time(1), "2024-03-01T00:00:00Z", List.of(place), null),
                report(copy, time(1), "2024-03-01T06:00:00Z", List.of(place), null),
                StixObject.builder("relationship", newId("relationship")).put("created", time(2))
                        .put("modified", time(2)).put("relationship_type", "duplicate-of").put("source_ref", copy)
                        .put("target_ref", original).build()));
        assertEquals(Set.of(original), store.placeLinks(everyone(collection, MAR_1, MAR_1)).stream()
                .map(PlaceLink::storyId).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void relationshipsAndSightingsTiePlacesToWhatTheyConcern() {
        String place = newId("location");
        String actor = newId("threat-actor");
        String hq = newId("identity");
        store.add(collection, List.of(
                StixObject.builder("relationship", newId("relationship")).put("created", "2024-03-01T01:00:00Z")
                        .put("modified", time(2)).put("relationship_type", "targets").put("source_ref", actor)
                        .put("target_ref", place).build(),
                StixObject.builder("relationship", newId("relationship")).put("created", time(2))
                        .put("modified", time(2)).put("relationship_type", "uses").put("source_ref", actor)
                        .put("target_ref", newId("malware")).build(),
                StixObject.builder("sighting", newId("sighting")).put("created", time(2)).put("modified", time(2))
                        .put("first_seen", "2024-03-01T03:00:00Z").put("sighting_of_ref", newId("indicator"))
                        .put("where_sighted_refs", List.of(hq)).build()));
        List<PlaceLink> links = store.placeLinks(everyone(collection, MAR_1, MAR_1));
        assertEquals(Set.of(actor + "@" + place, "sighting@" + hq), links.stream()
                .map(l -> (l.itemId().startsWith("sighting") ? "sighting" : l.itemId()) + "@" + l.placeId())
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void placesRollUpByCountryAndAnAudienceLeavesOutWhatItCannotSee() {
        String russia = newId("location");
        String sochi = newId("location");
        store.add(collection, List.of(
                StixObject.builder("location", russia).put("created", time(0)).put("modified", time(0))
                        .put("country", "ru").build(),
                StixObject.builder("location", sochi).put("created", time(0)).put("modified", time(0))
                        .put("name", "Sochi").put("country", "RU").put("latitude", 43.6).put("longitude", 39.7)
                        .build(),
                report(newId("report"), time(1), "2024-03-01T00:00:00Z", List.of(sochi), Tlp.CLEAR),
                report(newId("report"), time(1), "2024-03-01T00:00:00Z", List.of(sochi), Tlp.AMBER_STRICT)));
        List<Place> places = store.places(everyone(collection, MAR_1, MAR_1));
        assertEquals(Set.of("RU"), places.stream().map(Place::country).collect(java.util.stream.Collectors.toSet()));
        assertTrue(places.stream().anyMatch(p -> p.id().equals(russia) && p.isCountry()));
        assertTrue(places.stream().anyMatch(p -> p.id().equals(sochi) && !p.isCountry() && p.latitude() == 43.6));
        Audience stranger = new Audience(Set.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER), Tlp.AMBER,
                "identity--00000000-0000-4000-8000-000000000001", null, null);
        PlaceQuery byCountry = new PlaceQuery(List.of(new PlaceQuery.Scope(collection, stranger)), MAR_1, MAR_1,
                Set.of(), Set.of("RU"));
        assertEquals(1, store.placeLinks(byCountry).size());
        assertEquals(2, store.placeLinks(new PlaceQuery(everyone(collection, MAR_1, MAR_1).scopes(), MAR_1, MAR_1,
                Set.of(), Set.of("RU"))).size());
    }
}
