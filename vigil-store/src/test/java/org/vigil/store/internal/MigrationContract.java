package org.vigil.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.vigil.stix.Tlp;
import org.vigil.store.Audience;
import org.junit.jupiter.api.Test;
import org.vigil.store.AuditEvent;
import org.vigil.store.AuditHead;
import org.vigil.store.AuditQuery;
import org.vigil.store.AuditRecord;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.StoredObject;

/** A store made by an older schema is brought up to date when opened, and keeps what it held. */
abstract class MigrationContract {

    private static final UUID NAMED = UUID.fromString("00000000-0000-4000-8000-0000000000aa");

    abstract StoreConfig newConfig();

    @Test
    void aVersionOneStoreIsMigratedAtOpenAndKeepsItsObjects() throws SQLException {
        StoreConfig config = newConfig();
        Dialect dialect = Dialect.of(config.jdbcUrl());
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:" + dialect.migrations).target("1").load().migrate();
        UUID collection = UUID.randomUUID();
        AuditRecord legacy = new AuditRecord(1, Micros.instant(5L), null, "read", null, List.of("malware--1", "odd\nid"),
                null, null, AuditRecord.GENESIS, null);
        String legacyHash = legacy.computeHash();
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
            insert(c, dialect, "INSERT INTO api_roots (name, title, max_content_length) VALUES (?, ?, ?)",
                    "api1", "root", 1000L);
            insert(c, dialect, "INSERT INTO collections (id, api_root, title, media_types, last_added)"
                    + " VALUES (?, ?, ?, ?, ?)", collection, "api1", "old", "", 5L);
            insert(c, dialect, "INSERT INTO objects (collection_id, object_id, version, type, spec_version, date_added,"
                    + " granular, spec_newest, latest, earliest, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    collection, "malware--1", 1L, "malware", "2.1", 5L, false, true, true, true,
                    "{\"type\":\"malware\",\"id\":\"malware--1\"}");
            insert(c, dialect, "INSERT INTO objects (collection_id, object_id, version, type, spec_version, date_added,"
                    + " tlp, granular, spec_newest, latest, earliest, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    collection, "report--2", 4L, "report", "2.1", 4L, 4, false, true, true, true,
                    "{\"type\":\"report\",\"id\":\"report--2\",\"extensions\":{\"extension-definition--1\":"
                    + "{\"extension_type\":\"property-extension\",\"recipients\":[\"" + NAMED + "\"]}}}");
            insert(c, dialect, "INSERT INTO audit (seq, at, action, object_ids, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", 1L, 5L, "read", "\nmalware--1\nodd\\nid\n", AuditRecord.GENESIS,
                    legacyHash);
        }
        try (Store store = Store.open(config)) {
            List<StoredObject> items = store.objects(ObjectQuery.in(collection).build()).items();
            assertEquals(List.of("report--2", "malware--1"), items.stream().map(StoredObject::id).toList());
            Audience named = new Audience(Set.of(Tlp.CLEAR), Tlp.CLEAR, null, UUID.randomUUID(), NAMED.toString());
            assertEquals(List.of("report--2", "malware--1"), store.objects(ObjectQuery.in(collection)
                    .audience(named).build()).items().stream().map(StoredObject::id).toList(),
                    "the RED recipients of rows stored before they were indexed are found");
            items = items.subList(1, 2);
            assertNull(items.get(0).postedBy());
            assertEquals(new AuditHead(1, legacyHash, AuditHead.Seal.UNKEYED), store.auditHead(),
                    "the head starts at the last record");
            AuditRecord old = store.audit(AuditQuery.all(10)).get(0);
            assertEquals(List.of("malware--1", "odd\nid"), old.objectIds(),
                    "ids written as text before they were packed still read");
            assertEquals(legacyHash, old.computeHash(), "and still hash as they did (format 1)");
            assertEquals(1, store.audit(AuditQuery.all(10).naming("odd\nid")).size());
            assertEquals(2, store.appendAudit(new AuditEvent(null, "read", "/p", List.of("malware--1"), null)).seq());
            List<AuditRecord> both = store.audit(AuditQuery.all(10).naming("malware--1"));
            assertEquals(List.of(1L, 2L), both.stream().map(AuditRecord::seq).toList(),
                    "old and new records are found by object");
            assertEquals(legacyHash, both.get(1).prevHash(), "the first new record chains onto the last old one");
            assertEquals(both.get(1).hash(), both.get(1).computeHash());
        }
        var info = Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:" + dialect.migrations).load().info();
        assertEquals(0, info.pending().length, "no migration is left pending");
        assertEquals(java.util.Arrays.stream(info.all()).map(m -> m.getVersion()).max(Comparable::compareTo)
                .orElseThrow(), info.current().getVersion(), "the store is at the newest migration");
    }

    private static final String HARBOUR = "location--0a0a0a0a-0000-4000-8000-000000000001";

    private static String oldReport(String id, String modified) {
        return "{\"type\":\"report\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":"
                + "\"2013-01-01T00:00:00.000Z\",\"modified\":\"" + modified + "\",\"name\":\"Harbour report\","
                + "\"published\":\"2013-01-01T00:00:00Z\",\"object_refs\":[\"" + HARBOUR + "\"]}";
    }

    private static List<String> harbourReports(Store store, List<UUID> collections) {
        org.vigil.store.Audience all = new org.vigil.store.Audience(java.util.Set.of(org.vigil.stix.Tlp.values()),
                org.vigil.stix.Tlp.AMBER, null, null, null);
        List<org.vigil.store.PlaceQuery.Scope> scopes = collections.stream()
                .map(id -> new org.vigil.store.PlaceQuery.Scope(id, all)).toList();
        return store.search(new org.vigil.store.SearchQuery(List.of("harbour"), scopes, List.of(), null, null, null,
                100, List.of(HARBOUR), List.of())).stream().map(org.vigil.store.SearchQuery.Hit::objectId).sorted()
                .toList();
    }

    @Test
    void objectsStoredBeforeTheSearchIndexAreBackfilledOnceByTwoNodesAtOnce() throws Exception {
        StoreConfig config = newConfig();
        Dialect dialect = Dialect.of(config.jdbcUrl());
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:" + dialect.migrations).target("8").load().migrate();
        List<UUID> collections = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<String> reports = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
            insert(c, dialect, "INSERT INTO api_roots (name, title, max_content_length) VALUES (?, ?, ?)",
                    "api1", "root", 1000L);
            long added = 1;
            for (int k = 0; k < collections.size(); k++) {
                insert(c, dialect, "INSERT INTO collections (id, api_root, title, media_types, last_added)"
                        + " VALUES (?, ?, ?, ?, ?)", collections.get(k), "api1", "old " + k, "", 100L);
                // the third collection is empty
                for (int i = 0; k < 2 && i < 7; i++) {
                    String id = "report--" + UUID.randomUUID();
                    reports.add(id);
                    insert(c, dialect, "INSERT INTO objects (collection_id, object_id, version, type, spec_version,"
                            + " date_added, granular, spec_newest, latest, earliest, json) VALUES"
                            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", collections.get(k), id, 1L, "report", "2.1",
                            added++, false, true, true, true, oldReport(id, "2013-01-01T00:00:00.000Z"));
                }
            }
        }
        java.util.Collections.sort(reports);
        try (Store one = Store.open(config); Store two = Store.open(config)) {
            assertEquals(List.of(), harbourReports(one, collections), "not indexed before the backfill");
            assertEquals(new org.vigil.store.IndexBackfill(0, 0, -1, false), one.indexBackfill());
            // A new version stored now is indexed by its writer; the backfill must not add it again.
            String updated = reports.get(3);
            org.vigil.stix.StixObject newer = org.vigil.stix.StixJson.parse(oldReport(updated,
                    "2014-01-01T00:00:00.000Z"));
            UUID holder = null;
            for (UUID col : collections) {
                if (!one.objects(ObjectQuery.in(col).ids(List.of(updated)).build()).items().isEmpty()) {
                    holder = col;
                }
            }
            one.add(holder, List.of(newer));
            assertEquals(List.of(updated), harbourReports(one, collections));
            java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Integer>> steps = new java.util.ArrayList<>();
                for (Store node : List.of(one, two)) {
                    steps.add(nodes.submit(() -> {
                        int n = 0;
                        while (!node.backfillIndex(3).finished()) {
                            n++;
                        }
                        return n;
                    }));
                }
                for (java.util.concurrent.Future<Integer> f : steps) {
                    f.get(2, java.util.concurrent.TimeUnit.MINUTES);
                }
            } finally {
                nodes.shutdown();
            }
            assertEquals(new org.vigil.store.IndexBackfill(14, 13, 14, true), two.indexBackfill(),
                    "every newest version looked at once, the one with a new version not added again");
            assertEquals(reports, harbourReports(one, collections));
            assertEquals(14, one.referencing(List.of(new org.vigil.store.PlaceQuery.Scope(collections.get(0),
                    new org.vigil.store.Audience(java.util.Set.of(org.vigil.stix.Tlp.values()),
                            org.vigil.stix.Tlp.AMBER, null, null, null)), new org.vigil.store.PlaceQuery.Scope(
                    collections.get(1), new org.vigil.store.Audience(java.util.Set.of(org.vigil.stix.Tlp.values()),
                    org.vigil.stix.Tlp.AMBER, null, null, null))), HARBOUR, 100).size(), "references too");
            assertEquals(new org.vigil.store.IndexBackfill(14, 13, 14, true), one.backfillIndex(3),
                    "a finished backfill does nothing");
        }
    }

    private static void insert(Connection c, Dialect dialect, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params.bindAll(dialect, ps, List.of(values));
            ps.executeUpdate();
        }
    }
}
