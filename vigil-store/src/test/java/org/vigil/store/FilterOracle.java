package org.vigil.store;

import static org.vigil.store.TestObjects.indicator;
import static org.vigil.store.TestObjects.inSpec;
import static org.vigil.store.TestObjects.ipv4;
import static org.vigil.store.TestObjects.sdo;
import static org.vigil.store.TestObjects.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.vigil.stix.StixObject;

/**
 * A small collection with several versions and spec versions per object, and an independent, obvious
 * implementation of the TAXII filter rules to check the store's answers against.
 */
final class FilterOracle {

    /** One stored version as the oracle sees it. */
    record Row(String id, String version, String dateAdded) {
    }

    private record Held(String id, String type, String spec, String version, String dateAdded) {
    }

    private final Store store;
    private final UUID collection;
    private final List<Held> held = new ArrayList<>();

    private FilterOracle(Store store, UUID collection) {
        this.store = store;
        this.collection = collection;
    }

    static final String IND1 = "indicator--00000000-0000-4000-8000-000000000001";
    static final String IND2 = "indicator--00000000-0000-4000-8000-000000000002";
    static final String MAL1 = "malware--00000000-0000-4000-8000-000000000003";
    static final String MAL2 = "malware--00000000-0000-4000-8000-000000000004";
    static final String IP1 = "ipv4-addr--00000000-0000-4000-8000-000000000005";

    /** Adds the data set, in batches whose order differs from the version order, and remembers what was added. */
    static FilterOracle load(Store store, UUID collection) {
        FilterOracle oracle = new FilterOracle(store, collection);
        oracle.add(List.of(indicator(IND1, time(2)), inSpec(indicator(IND2, time(2)), "2.0"),
                inSpec(sdo("malware", MAL1, time(4)), "2.0")));
        oracle.add(List.of(indicator(IND1, time(1)), ipv4(IP1, "198.51.100.1"), sdo("malware", MAL2, time(2))));
        oracle.add(List.of(indicator(IND2, time(3)), inSpec(indicator(IND2, time(1)), "2.0"),
                inSpec(sdo("malware", MAL1, time(1)), "2.0")));
        oracle.add(List.of(indicator(IND1, time(3)), ipv4(IP1, "198.51.100.2")));
        return oracle;
    }

    private void add(List<StixObject> batch) {
        List<AddResult> results = store.add(collection, batch);
        for (int i = 0; i < batch.size(); i++) {
            AddResult r = results.get(i);
            held.add(new Held(r.id(), batch.get(i).type(), batch.get(i).specVersion(), r.version(), r.dateAdded()));
        }
    }

    /** Every combination of the filters over this data set, with a small page size. */
    List<ObjectQuery> queries() {
        List<List<String>> idLists = List.of(List.of(), List.of(IND2), List.of(IND1, MAL1));
        List<List<String>> typeLists = List.of(List.of(), List.of("indicator"), List.of("indicator", "malware"));
        List<List<String>> specLists = List.of(List.of(), List.of("2.0"), List.of("2.1"), List.of("2.0", "2.1"));
        List<VersionMatch> versionMatches = List.of(VersionMatch.LAST, VersionMatch.FIRST, VersionMatch.ALL,
                VersionMatch.parse("first,last"), VersionMatch.exactly(List.of(time(2))),
                VersionMatch.parse("last," + time(1)));
        List<String> addedAfters = new ArrayList<>();
        addedAfters.add(null);
        addedAfters.add(held.get(4).dateAdded());
        List<ObjectQuery> queries = new ArrayList<>();
        for (List<String> ids : idLists) {
            for (List<String> types : typeLists) {
                for (List<String> specs : specLists) {
                    for (VersionMatch versions : versionMatches) {
                        for (String after : addedAfters) {
                            queries.add(ObjectQuery.in(collection).ids(ids).types(types).specVersions(specs)
                                    .versions(versions).addedAfter(after).limit(2).build());
                        }
                    }
                }
            }
        }
        return queries;
    }

    /** What the TAXII rules say the query returns, in date_added order. */
    List<Row> expect(ObjectQuery q) {
        Map<String, List<Held>> byObject = held.stream()
                .filter(h -> q.ids().isEmpty() || q.ids().contains(h.id()))
                .filter(h -> q.types().isEmpty() || q.types().contains(h.type()))
                .collect(Collectors.groupingBy(Held::id));
        List<Held> out = new ArrayList<>();
        for (List<Held> versions : byObject.values()) {
            List<Held> matching = pickSpecVersions(versions, q.specVersions());
            out.addAll(pickVersions(matching, q.versions()));
        }
        return out.stream()
                .filter(h -> q.addedAfter() == null || h.dateAdded().compareTo(micro(q.addedAfter())) > 0)
                .sorted(Comparator.comparing(Held::dateAdded))
                .map(h -> new Row(h.id(), h.version(), h.dateAdded()))
                .toList();
    }

    private static List<Held> pickSpecVersions(List<Held> versions, List<String> specs) {
        if (!specs.isEmpty()) {
            return versions.stream().filter(h -> specs.contains(h.spec())).toList();
        }
        String newest = versions.stream().map(Held::spec).max(Comparator.naturalOrder()).orElseThrow();
        return versions.stream().filter(h -> h.spec().equals(newest)).toList();
    }

    private static List<Held> pickVersions(List<Held> versions, VersionMatch match) {
        if (versions.isEmpty() || match.all()) {
            return versions;
        }
        // Versions are instants: the store may write one with three fraction digits or six.
        Instant max = versions.stream().map(h -> Instant.parse(h.version())).max(Comparator.naturalOrder()).orElseThrow();
        Instant min = versions.stream().map(h -> Instant.parse(h.version())).min(Comparator.naturalOrder()).orElseThrow();
        List<Instant> exact = match.timestamps().stream().map(Instant::parse).toList();
        return versions.stream()
                .filter(h -> (match.last() && Instant.parse(h.version()).equals(max))
                        || (match.first() && Instant.parse(h.version()).equals(min))
                        || exact.contains(Instant.parse(h.version())))
                .toList();
    }

    private static String micro(String timestamp) {
        return timestamp.length() == 24 ? timestamp.replace("Z", "000Z") : timestamp;
    }

    /** The store's answer, page after page. */
    List<Row> objectPages(ObjectQuery q) {
        List<Row> rows = new ArrayList<>();
        for (Page<StoredObject> page = store.objects(q); ; page = store.objects(q)) {
            page.items().forEach(o -> rows.add(new Row(o.id(), o.version(), o.dateAdded())));
            if (!page.more()) {
                return rows;
            }
            q = q.after(page.next().orElseThrow());
        }
    }

    /** The store's manifest answer, page after page. */
    List<Row> manifestPages(ObjectQuery q) {
        List<Row> rows = new ArrayList<>();
        for (Page<ManifestEntry> page = store.manifest(q); ; page = store.manifest(q)) {
            page.items().forEach(m -> rows.add(new Row(m.id(), m.version(), m.dateAdded())));
            if (!page.more()) {
                return rows;
            }
            q = q.after(page.next().orElseThrow());
        }
    }
}
