package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.StoreConfig;

/** {@code vigil index rebuild} on a data directory made before the search index existed (schema V8). */
class IndexCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        try {
            // Progress goes to System.err; a test has no console, so it prints plain lines.
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            int code = Vigil.commandLine(o, System.err).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    private void oldInstallation(int objects) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        String url = StoreConfig.sqlite(data).jdbcUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").target("8").load()
                .migrate();
        String collection = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(url)) {
            update(c, "INSERT INTO api_roots (name, title, max_content_length) VALUES ('api1', 'root', 1000)");
            update(c, "INSERT INTO collections (id, api_root, title, media_types, last_added) VALUES ('" + collection
                    + "', 'api1', 'old', '', 100)");
            for (int i = 0; i < objects; i++) {
                String id = "indicator--" + UUID.randomUUID();
                update(c, "INSERT INTO objects (collection_id, object_id, version, type, spec_version, date_added,"
                        + " granular, spec_newest, latest, earliest, json) VALUES ('" + collection + "', '" + id
                        + "', 1, 'indicator', '2.1', " + (i + 1) + ", 0, 1, 1, 1, '{\"type\":\"indicator\","
                        + "\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\"2013-01-01T00:00:00.000Z\","
                        + "\"modified\":\"2013-01-01T00:00:00.000Z\",\"name\":\"old indicator\"}')");
            }
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    @Test
    void rebuildIndexesWhatWasStoredBeforeTheIndexWithPlainProgressLinesWhenPiped() throws Exception {
        oldInstallation(25);
        String data = dir.resolve("data").toString();
        Run before = run("index", "status", "--data", data);
        assertEquals(0, before.code(), before.err());
        assertTrue(before.out().contains("0 of ? objects looked at"), before.out());
        Run rebuild = run("index", "rebuild", "--data", data, "--batch", "10");
        assertEquals(0, rebuild.code(), rebuild.err());
        // Opening the installation stores a few objects of its own (indexed as they are written) beside the 25.
        assertTrue(rebuild.out().matches("(?s)search index complete: \\d+ objects looked at, 25 added.*"),
                rebuild.out());
        assertTrue(rebuild.err().matches("(?s).*indexing: 100% (\\d+)/\\1 objects, 25 added.*"), rebuild.err());
        assertTrue(!rebuild.err().contains("\r"), "no redrawn bar when piped");
        Run again = run("index", "rebuild", "--data", data);
        assertTrue(again.out().contains("nothing stored before it is left"), again.out());
        assertTrue(run("index", "status", "--data", data).out().contains("search index complete ("));
    }

    @Test
    void theServersBackgroundJobFinishesTheBackfill() throws Exception {
        oldInstallation(1200);
        try (org.vigil.store.Store store = org.vigil.store.Store.open(StoreConfig.sqlite(dir.resolve("data")));
             SearchBackfill job = SearchBackfill.start(store, java.time.Duration.ZERO)) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
            while (!store.indexBackfill().finished() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(new org.vigil.store.IndexBackfill(1200, 1200, 1200, true), store.indexBackfill());
        }
    }

    @Test
    void rejectsABatchOfNothing() throws Exception {
        oldInstallation(1);
        Run r = run("index", "rebuild", "--data", dir.resolve("data").toString(), "--batch", "0");
        assertEquals(1, r.code() == 0 ? 0 : 1);
        assertTrue((r.err() + r.out()).contains("--batch is 0; give between 1 and 100000"), r.err() + r.out());
    }
}
