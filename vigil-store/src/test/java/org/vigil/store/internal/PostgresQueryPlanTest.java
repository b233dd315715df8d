package org.vigil.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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

    /**
     * With enable_seqscan off, PostgreSQL still reads the whole table when no index can serve the query, so a
     * Seq Scan left in the plan means a missing index rather than a cost estimate on a small table.
     */
    @Override
    List<String> explainWithoutSeqScans(ObjectQuery query, String columns) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
            return plan(c, ObjectSql.select(columns, query, true));
        } catch (SQLException e) {
            throw new IllegalStateException("EXPLAIN failed for " + query, e);
        }
    }
}
