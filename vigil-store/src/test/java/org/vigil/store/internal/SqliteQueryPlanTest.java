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

    /**
     * A search page reads FTS5 by rowid descending, which FTS5 serves from its index, and sorts nothing: with a
     * common word, a time filter and a page cursor, and with a place named by many objects (checked per row).
     */
    @org.junit.jupiter.api.Test
    void aSearchPageWalksTheFullTextIndexNewestFirstWithoutSorting() throws SQLException {
        org.vigil.store.Audience all = new org.vigil.store.Audience(java.util.Set.of(org.vigil.stix.Tlp.values()),
                org.vigil.stix.Tlp.AMBER, null, null, null);
        List<org.vigil.store.PlaceQuery.Scope> scopes = List.of(new org.vigil.store.PlaceQuery.Scope(collection, all));
        java.time.Instant at = java.time.Instant.parse("2024-01-01T00:00:00Z");
        List<org.vigil.store.SearchQuery> queries = List.of(
                new org.vigil.store.SearchQuery(List.of("malware"), scopes, List.of(), null, null, null, 20),
                new org.vigil.store.SearchQuery(List.of("camp"), scopes, List.of("campaign"), at.minusSeconds(86400),
                        at, new org.vigil.store.SearchQuery.Position(0, Long.MAX_VALUE / 2), 20));
        try (Connection c = connect()) {
            for (org.vigil.store.SearchQuery q : queries) {
                SqlQuery statement = new SearchIndex(Dialect.SQLITE).statement(c, q);
                org.junit.jupiter.api.Assertions.assertNotNull(statement, "the words are indexed");
                List<String> plan = plan(c, statement);
                org.junit.jupiter.api.Assertions.assertTrue(plan.stream().noneMatch(this::isSort),
                        "no sort in " + plan);
                org.junit.jupiter.api.Assertions.assertTrue(plan.get(0).contains("VIRTUAL TABLE INDEX"),
                        "starts from FTS5: " + plan);
            }
        }
    }
}
