package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.stix.StixObject;

/**
 * PostgreSQL restarting under a running server: while it is away, TAXII clients get 503 with Retry-After (a TAXII
 * error, not a stack trace), and once it is back the server serves again by itself with nothing lost.
 */
class PostgresRestartTest {

    @TempDir
    Path dir;

    @Test
    void whileTheDatabaseIsAwayClientsAreToldToRetryAndServiceResumesWhenItIsBack() throws Exception {
        Path pgData = dir.resolve("pg");
        int port = freePort();
        EmbeddedPostgres pg = start(pgData, port);
        try {
            Path data = dir.resolve("vigil");
            Files.createDirectories(data);
            Files.writeString(data.resolve("vigil.yaml"), "store.url: \"jdbc:postgresql://localhost:" + port
                    + "/postgres\"\nstore.user: \"postgres\"\n");
            try (TestVigil vigil = TestVigil.reopen(StoreKind.POSTGRES, data)) {
                vigil.org("Agency", true);
                TestVigil.Account ana = vigil.user("ana", "Agency", "analyst");
                UUID shared = vigil.collection("Shared", "shared");
                vigil.grant(shared, ana, "read");
                vigil.grant(shared, ana, "write");
                vigil.start();
                assertEquals(202, vigil.as(ana).add(shared, indicator("before")).status());

                pg.close();
                Taxii.Reply away = vigil.as(ana).get(Taxii.objects(shared));
                assertEquals(503, away.status(), away::toString);
                assertEquals("5", away.header("Retry-After").orElse(null));
                assertTrue(away.header("Content-Type").orElse("").startsWith("application/taxii+json"));
                assertEquals("503", away.json().path("http_status").asText(), away.body());
                assertEquals(503, vigil.as(ana).add(shared, indicator("while away")).status());

                pg = start(pgData, port);
                Taxii.Reply back = vigil.as(ana).get(Taxii.objects(shared));
                for (int i = 0; i < 30 && back.status() != 200; i++) {
                    Thread.sleep(500);
                    back = vigil.as(ana).get(Taxii.objects(shared));
                }
                assertEquals(200, back.status(), back::toString);
                assertEquals(1, back.json().path("objects").size(), "what was stored before is there, once");
                assertEquals(202, vigil.as(ana).add(shared, indicator("after")).status());
            }
        } finally {
            pg.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static StixObject indicator(String name) {
        return StixObject.builder("indicator", "indicator--" + UUID.randomUUID())
                .put("created", "2026-12-06T10:00:00.000Z").put("modified", "2026-12-06T10:00:00.000Z")
                .put("name", name).put("pattern", "[ipv4-addr:value = '198.51.100.7']").put("pattern_type", "stix")
                .put("valid_from", "2026-12-06T10:00:00.000Z").build();
    }
}
