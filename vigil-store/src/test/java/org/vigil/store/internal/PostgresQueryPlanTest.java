package org.vigil.store.internal;

import static org.vigil.store.TestObjects.newId;
import static org.vigil.store.TestObjects.sdo;
import static org.vigil.store.TestObjects.time;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.stix.StixObject;
import org.vigil.store.ApiRoot;
import org.vigil.store.Collection;
import org.vigil.store.Store;
import org.vigil.store.EmbeddedPostgresServer;
import org.vigil.store.ObjectQuery;
import org.vigil.store.StoreConfig;

/** Query plans on PostgreSQL, read with EXPLAIN after ANALYZE. */
final class PostgresQueryPlanTest extends QueryPlanContract {

    @Override
    StoreConfig newConfig() {
        return EmbeddedPostgresServer.newSchema();
    }

    @Override
    List<String> plan(Connection c, SqlQuery query) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + query.sql())) {
            Params.bindAll(Dialect.POSTGRESQL, ps, query.params());
            return lines(ps, 1);
        }
    }

    @Override
    boolean isFullScan(String line) {
        return line.contains("Seq Scan on objects");
    }

    @Override
    boolean isSort(String line) {
        return line.contains("Sort");
    }

    @Override
    String primaryKey() {
        return "objects_pkey";
    }

    /**
     * A new database has no statistics until autovacuum first analyzes it, and that is exactly when a big first
     * import runs: its lookups must still probe the key, not read the whole collection for every batch.
     */
    @Test
    void theLookupOfAnAddsObjectsProbesThePrimaryKeyBeforeStatisticsExist() {
        StoreConfig fresh = EmbeddedPostgresServer.newSchema();
        UUID id = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        try (Store store = Store.open(fresh)) {
            store.putApiRoot(new ApiRoot("api1", "root", null, 1_000_000));
            store.putCollection(Collection.of(id, "api1", "fresh"));
            for (int batch = 0; batch < 6; batch++) {
                List<StixObject> objects = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    String objectId = newId("malware");
                    ids.add(objectId);
                    objects.add(sdo("malware", objectId, time(1)).with("description", "x".repeat(500)));
                }
                store.add(id, objects);
            }
        }
        assertProbesPrimaryKey(fresh, ObjectVersions.lookup(Dialect.POSTGRESQL, id, ids.subList(0, 500)));
    }

    /**
     * With enable_seqscan off, PostgreSQL still reads the whole table when no index can serve the query, so a
     * Seq Scan left in the plan means a missing index rather than a cost estimate on a small table.
     */
    @Override
    List<String> explainWithoutSeqScans(ObjectQuery query, String columns) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            return plan(c, ObjectSql.select(dialect, columns, query, true));
        } catch (SQLException e) {
            throw new IllegalStateException("EXPLAIN failed for " + query, e);
        }
    }

    @Override
    boolean isTableScan(String line) {
        return line.contains("Seq Scan on objects") || line.contains("Seq Scan on object_recipients");
    }
}
