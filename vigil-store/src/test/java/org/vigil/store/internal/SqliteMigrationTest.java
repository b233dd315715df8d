package org.vigil.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.stix.Tlp;
import org.vigil.store.Audience;
import org.vigil.store.PlaceQuery;
import org.vigil.store.SearchQuery;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/** Schema migrations on SQLite. */
final class SqliteMigrationTest extends MigrationContract {

    @TempDir
    Path dir;

    @Override
    StoreConfig newConfig() {
        return StoreConfig.sqlite(dir);
    }

    @Test
    void searchRowsIndexedBeforeTheTimeOrderedKeysAreKeyedByTimeAndTheirWordsListed() throws Exception {
        StoreConfig config = newConfig();
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:" + Dialect.SQLITE.migrations).target("16").load().migrate();
        UUID collection = UUID.randomUUID();
        List<String> newestFirst = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(config.jdbcUrl())) {
            c.createStatement().execute("INSERT INTO api_roots (name, title, max_content_length)"
                    + " VALUES ('api1', 'root', 1000)");
            c.createStatement().execute("INSERT INTO collections (id, api_root, title, media_types, last_added)"
                    + " VALUES ('" + collection + "', 'api1', 'old', '', 1)");
            // Stored oldest key first but newest time first; two share a millisecond.
            long[] modified = {9_000_000_000L, 7_000_000_000L, 7_000_000_000L, 5_000_123_456L, -2_000_000L};
            for (int i = 0; i < modified.length; i++) {
                String id = "report--" + UUID.randomUUID();
                newestFirst.add(id);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_docs (doc_id, collection_id,"
                        + " object_id, object_type, name, modified) VALUES (?, ?, ?, 'report', 'r', ?)")) {
                    ps.setLong(1, i + 1);
                    ps.setString(2, collection.toString());
                    ps.setString(3, id);
                    ps.setLong(4, modified[i]);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_text (rowid, body)"
                        + " VALUES (?, 'Harbour closed')")) {
                    ps.setLong(1, i + 1);
                    ps.executeUpdate();
                }
            }
        }
        // the two of one millisecond keep their order of arrival, newest arrival first
        List<String> expected = List.of(newestFirst.get(0), newestFirst.get(2), newestFirst.get(1),
                newestFirst.get(3), newestFirst.get(4));
        try (Store store = Store.open(config)) {
            Audience all = new Audience(Set.of(Tlp.values()), Tlp.AMBER, null, null, null);
            List<String> found = new ArrayList<>();
            SearchQuery.Position after = null;
            do {
                List<SearchQuery.Hit> page = store.search(new SearchQuery(List.of("harb", "clo"),
                        List.of(new PlaceQuery.Scope(collection, all)), List.of(), null, null, after, 2));
                page.forEach(h -> found.add(h.objectId()));
                after = page.size() < 2 ? null : page.get(page.size() - 1).position();
            } while (after != null);
            assertEquals(expected, found);
        }
    }
}
