package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Taxii.Reply;
import org.vigil.app.TestVigil.Account;
import org.vigil.stix.StixObject;

/**
 * Issue 3's durability promise over HTTP: {@code vigil serve} is killed with kill -9 while a client posts
 * envelopes; after a restart every object the server reported as a success is there, the envelope in flight is
 * there whole or not at all, the store opens cleanly and the audit chain is intact.
 */
class ServeKillNineTest {

    private static final int ENVELOPE = 200;
    private static final int ENVELOPES_BEFORE_KILL = 5;

    @Test
    void everyObjectReportedAsASuccessSurvivesKillNine(@TempDir Path data) throws Exception {
        Account alice;
        UUID intel;
        try (TestVigil admin = TestVigil.create(StoreKind.SQLITE, data)) {
            admin.org("Acme", true);
            alice = admin.user("alice", "Acme", "analyst");
            intel = UUID.fromString(admin.cli("collection", "add", "Intel", "--alias", "intel", "--read", "alice",
                    "--write", "alice").ok());
        }
        Set<String> reported = new HashSet<>();
        AtomicReference<List<String>> inFlight = new AtomicReference<>(List.of());
        try (VigilProcess server = VigilProcess.serve(data)) {
            Taxii client = Taxii.at(server.base()).bearer(alice.token());
            Semaphore envelopesStored = new Semaphore(0);
            ExecutorService poster = Executors.newSingleThreadExecutor();
            Future<?> posting = poster.submit(() -> {
                for (int n = 0; ; n++) {
                    List<StixObject> batch = new ArrayList<>();
                    for (int i = 0; i < ENVELOPE; i++) {
                        batch.add(Stix.indicator("envelope " + n + " object " + i));
                    }
                    inFlight.set(batch.stream().map(StixObject::id).toList());
                    Reply r;
                    try {
                        r = client.add(intel, batch);
                    } catch (UncheckedIOException killed) {
                        return null;
                    }
                    assertEquals(202, r.status(), r::toString);
                    synchronized (reported) {
                        r.json().path("successes").forEach(s -> reported.add(s.path("id").asText()));
                    }
                    envelopesStored.release();
                }
            });
            assertTrue(envelopesStored.tryAcquire(ENVELOPES_BEFORE_KILL, 120, TimeUnit.SECONDS),
                    () -> "the server stored too few envelopes; its output:\n" + server.output());
            server.kill();
            posting.get(60, TimeUnit.SECONDS);
            poster.shutdown();
        }
        assertTrue(reported.size() >= ENVELOPES_BEFORE_KILL * ENVELOPE, "successes reported: " + reported.size());

        try (VigilProcess restarted = VigilProcess.serve(data)) {
            Taxii client = Taxii.at(restarted.base()).bearer(alice.token());
            Set<String> held = new HashSet<>();
            for (Reply page : client.allPages(Taxii.manifest(intel), "limit", "1000")) {
                assertEquals(200, page.status(), page::toString);
                held.addAll(page.ids());
            }
            synchronized (reported) {
                Set<String> lost = new HashSet<>(reported);
                lost.removeAll(held);
                assertTrue(lost.isEmpty(), lost.size() + " objects reported as successes are gone");
            }
            long ofInFlight = inFlight.get().stream().filter(held::contains).count();
            assertTrue(ofInFlight == 0 || ofInFlight == ENVELOPE,
                    "the envelope in flight is whole or absent, not " + ofInFlight + " of " + ENVELOPE);
            Reply after = client.add(intel, List.of(Stix.indicator("after the restart")));
            assertEquals(1, after.json().path("success_count").asInt(), after::toString);
        }
        assertIntegrity(data);
        try (TestVigil admin = TestVigil.create(StoreKind.SQLITE, data)) {
            TestVigil.Run verify = admin.cli("audit", "verify");
            assertEquals(0, verify.code(), verify::toString);
        }
    }

    private static void assertIntegrity(Path data) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("vigil.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }
}
