package org.vigil.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.stix.StixObject;

/**
 * A SQLite store survives kill -9 in the middle of adds: every batch the writer reported as added is there after
 * a restart, no batch is there in part, and the store opens cleanly and takes new writes.
 */
final class SqliteCrashDurabilityTest {

    private static final int BATCH_SIZE = 400;
    private static final int BATCHES_BEFORE_KILL = 4;

    @TempDir
    Path dir;

    /** What the child printed before it died: batch number, then the ids of that batch. */
    private record Report(int batch, List<String> ids) {
    }

    @Test
    void everyReportedBatchSurvivesKillNineAndNoBatchIsHalfWritten() throws Exception {
        UUID collection = UUID.randomUUID();
        try (Store store = Store.open(StoreConfig.sqlite(dir))) {
            store.putApiRoot(new ApiRoot("api1", "root", null, 1_000_000));
            store.putCollection(Collection.of(collection, "api1", "crash"));
        }
        int next = 0;
        for (int round = 0; round < 2; round++) {
            List<Report> reports = runAndKill(collection, next);
            assertTrue(reports.size() >= BATCHES_BEFORE_KILL, "the writer reported " + reports.size() + " batches");
            next = reports.get(reports.size() - 1).batch() + 1;
            next = verify(collection, reports, next);
        }
        assertIntegrity();
    }

    private List<Report> runAndKill(UUID collection, int firstBatch) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), CrashWriter.class.getName(), dir.toString(), collection.toString(),
                Integer.toString(firstBatch), Integer.toString(BATCH_SIZE))
                .redirectErrorStream(true)
                .start();
        BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
        StringBuilder otherOutput = new StringBuilder();
        Thread reader = new Thread(() -> read(child, reports, otherOutput));
        reader.start();
        List<Report> seen = new ArrayList<>();
        try {
            while (seen.size() < BATCHES_BEFORE_KILL) {
                Report r = reports.poll(60, TimeUnit.SECONDS);
                assertTrue(r != null, () -> "the writer reported no batch in time; its output:\n" + otherOutput);
                seen.add(r);
            }
            // The writer adds back to back, so a kill now lands inside an add (or between two).
            Thread.sleep(System.nanoTime() % 20);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(30_000);
        reports.drainTo(seen);
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(firstBatch + i, seen.get(i).batch(), "batches are reported in order");
        }
        return seen;
    }

    private static void read(Process child, BlockingQueue<Report> reports, StringBuilder otherOutput) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(CrashWriter.BATCH + " ") && line.endsWith(" " + CrashWriter.END)) {
                    String[] parts = line.split(" ");
                    reports.add(new Report(Integer.parseInt(parts[1]),
                            Arrays.asList(parts).subList(2, parts.length - 1)));
                } else if (!line.startsWith(CrashWriter.BATCH + " ")) {
                    // A report cut off by the kill (the writer flushes 8 KB at a time) is no report: its batch
                    // counts as unreported, which may be whole or absent.
                    otherOutput.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            otherOutput.append("reading the writer's output failed: ").append(e);
        }
    }

    /**
     * Every reported batch is whole; the batch after the last reported one is whole or absent (it may have
     * committed just before the kill); nothing later exists. Returns the batch number to go on from.
     */
    private int verify(UUID collection, List<Report> reports, int afterLast) {
        try (Store store = Store.open(StoreConfig.sqlite(dir))) {
            for (Report r : reports) {
                assertEquals(ids(r.batch()), r.ids(), "the writer reports the ids of batch " + r.batch());
                assertEquals(BATCH_SIZE, present(store, collection, r.ids()), "reported batch " + r.batch());
            }
            int unreported = present(store, collection, ids(afterLast));
            assertTrue(unreported == 0 || unreported == BATCH_SIZE,
                    "batch " + afterLast + " is half written: " + unreported + " of " + BATCH_SIZE);
            assertEquals(0, present(store, collection, ids(afterLast + 1)), "batch " + (afterLast + 1));
            return unreported == 0 ? afterLast : afterLast + 1;
        }
    }

    private static List<String> ids(int batch) {
        return CrashWriter.batch(batch, BATCH_SIZE).stream().map(StixObject::id).toList();
    }

    private static int present(Store store, UUID collection, List<String> ids) {
        return store.objects(ObjectQuery.in(collection).ids(ids).versions(VersionMatch.ALL).build()).items().size();
    }

    private void assertIntegrity() throws SQLException {
        try (Connection c = DriverManager.getConnection(StoreConfig.sqlite(dir).jdbcUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }

    /** Surefire names the test class path in a property of its own; plain runs have it in java.class.path. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
