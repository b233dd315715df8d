package org.vigil.store.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.ObjectQuery;
import org.vigil.store.StoreConfig;

/** Query plans on SQLite, read with EXPLAIN QUERY PLAN. */
final class SqliteQueryPlanTest extends QueryPlanContract {

    @TempDir
    static Path dir;

    @Override
    StoreConfig newConfig() {
        return StoreConfig.sqlite(dir);
    }

    @Override
    List<String> plan(Connection c, SqlQuery query) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + query.sql())) {
            Params.bindAll(Dialect.SQLITE, ps, query.params());
            return lines(ps, 4);
        }
    }

    /** SQLite's plan says SCAN for a full pass over a table or index, SEARCH for a bounded index range. */
    @Override
    boolean isFullScan(String line) {
        return line.startsWith("SCAN ");
    }

    @Override
    boolean isSort(String line) {
        return line.contains("TEMP B-TREE");
    }

    @Override
    String primaryKey() {
        return "sqlite_autoindex_objects_1";
    }

    /** SQLite has no switch for that; its plans are what they are. */
    @Override
    List<String> explainWithoutSeqScans(ObjectQuery query, String columns) {
        return explain(query, columns);
    }

    /**
     * A SCAN of a subquery (b0, p) reads its own rows; one of a table alias reads the table, and so does a SEARCH
     * bounded by the collection alone (a walk over all of it, which SQLite may choose to spare a small sort),
     * unless its index holds only the collection's unmarked rows.
     */
    @Override
    boolean isTableScan(String line) {
        return line.matches("SCAN (o|r|n|objects|object_recipients)( .*)?")
                || line.matches("SEARCH o USING (COVERING )?INDEX (?!objects_unmarked)\\w+ \\(collection_id=\\?\\)");
    }
}
