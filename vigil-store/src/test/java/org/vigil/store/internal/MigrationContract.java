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

    private static void insert(Connection c, Dialect dialect, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Params.bindAll(dialect, ps, List.of(values));
            ps.executeUpdate();
        }
    }
}
