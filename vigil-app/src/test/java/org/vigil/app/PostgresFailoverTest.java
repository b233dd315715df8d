package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.stix.StixObject;

/**
 * The store's PostgreSQL fails over to a streaming standby: the primary is killed (SIGKILL, no shutdown), the
 * standby is promoted, and a server whose store URL names both hosts with {@code targetServerType=primary} serves
 * again by itself, with every object it acknowledged and one intact audit chain. The standby is synchronous, which
 * is what makes an acknowledged write survive the loss of the primary (docs/scale-out.md, "Streaming replicas").
 */
class PostgresFailoverTest {

    @TempDir
    Path dir;

    @Test
    void aServerFollowsThePromotedStandbyAndKeepsEveryAcknowledgedWrite() throws Exception {
        Path primaryData = dir.resolve("pg-a");
        Path standbyData = dir.resolve("pg-b");
        int primaryPort = PostgresServers.freePort();
        int standbyPort = PostgresServers.freePort();
        EmbeddedPostgres primary = start(primaryData, primaryPort);
        primary.close();
        copyAsStandby(primaryData, standbyData, primaryPort);
        primary = startSynchronousPrimary(primaryData, primaryPort);
        EmbeddedPostgres standby = start(standbyData, standbyPort);
        try {
            awaitSynchronousStandby(primary);
            Path data = dir.resolve("vigil");
            Files.createDirectories(data);
            Files.writeString(data.resolve("vigil.yaml"), "store.url: \"jdbc:postgresql://localhost:" + primaryPort
                    + ",localhost:" + standbyPort + "/postgres?targetServerType=primary\"\nstore.user: \"postgres\"\n");
            try (TestVigil vigil = TestVigil.reopen(StoreKind.POSTGRES, data)) {
                vigil.org("Agency", true);
                TestVigil.Account ana = vigil.user("ana", "Agency", "analyst");
                UUID shared = vigil.collection("Shared", "shared");
                vigil.grant(shared, ana, "read");
                vigil.grant(shared, ana, "write");
                vigil.start();
                List<String> acknowledged = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    StixObject o = Stix.indicator("before " + i);
                    assertEquals(202, vigil.as(ana).add(shared, o).status());
                    acknowledged.add(o.id());
                }

                kill(primaryData);
                promote(standby);

                Taxii.Reply back = vigil.as(ana).get(Taxii.objects(shared));
                for (int i = 0; i < 60 && back.status() != 200; i++) {
                    Thread.sleep(500);
                    back = vigil.as(ana).get(Taxii.objects(shared));
                }
                assertEquals(200, back.status(), back::toString);
                Set<String> held = new HashSet<>();
                back.json().path("objects").forEach(o -> held.add(o.path("id").asText()));
                assertTrue(held.containsAll(acknowledged), "every acknowledged object is on the promoted standby");
                assertEquals(acknowledged.size(), held.size());
                assertEquals(202, vigil.as(ana).add(shared, Stix.indicator("after")).status());

                TestVigil.Run verify = vigil.cli("audit", "verify");
                assertEquals(0, verify.code(), verify::toString);
                assertTrue(verify.out().contains("intact"), verify.out());
            }
        } finally {
            standby.close();
            closeKilled(primary);
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return PostgresServers.start(data, port, Map.of("synchronous_commit", "on"));
    }

    /** Every commit waits until the standby has it on disk too: the setting that makes a failover lose nothing. */
    private static EmbeddedPostgres startSynchronousPrimary(Path data, int port) throws IOException {
        return PostgresServers.start(data, port, Map.of("synchronous_commit", "on", "synchronous_standby_names", "*"));
    }

    /**
     * A copy of a cleanly stopped cluster is a valid base backup: with standby.signal and where to stream from, it
     * starts as a hot standby of the original.
     */
    private static void copyAsStandby(Path primary, Path standby, int primaryPort) throws IOException {
        try (Stream<Path> files = Files.walk(primary)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = standby.resolve(primary.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.getFileName().toString().equals("postmaster.pid")) {
                    Files.copy(from, to);
                }
            }
        }
        // PostgreSQL starts only from a data directory that no one else may read.
        Files.setPosixFilePermissions(standby, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(standby.resolve("standby.signal"), "");
        Files.writeString(standby.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=localhost port="
                + primaryPort + " user=postgres application_name=standby'\n");
    }

    private static void awaitSynchronousStandby(EmbeddedPostgres primary) throws Exception {
        for (int i = 0; i < 120; i++) {
            try (Connection c = primary.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")) {
                rs.next();
                if (rs.getInt(1) == 1) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the standby did not start streaming from the primary within 30 s");
    }

    /** SIGKILL to the postmaster: no checkpoint, no goodbye to the standby, as when a machine dies. */
    private static void kill(Path data) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> backends = postmaster.children().toList();
        postmaster.destroyForcibly();
        postmaster.onExit().join();
        backends.forEach(ProcessHandle::destroyForcibly);
    }

    private static void promote(EmbeddedPostgres standby) throws SQLException {
        try (Connection c = standby.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_promote(true, 60)")) {
            rs.next();
            assertTrue(rs.getBoolean(1), "the standby was promoted");
        }
    }

    /** The killed server's handle still tries a clean stop when closed, which can only fail now. */
    private static void closeKilled(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException | RuntimeException e) {
            // nothing is left to stop
        }
    }
}
