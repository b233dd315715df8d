package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        int port = PostgresServers.freePort();
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
                assertEquals(202, vigil.as(ana).add(shared, Stix.indicator("before")).status());

                pg.close();
                Taxii.Reply away = vigil.as(ana).get(Taxii.objects(shared));
                assertEquals(503, away.status(), away::toString);
                assertEquals("5", away.header("Retry-After").orElse(null));
                assertTrue(away.header("Content-Type").orElse("").startsWith("application/taxii+json"));
                assertEquals("503", away.json().path("http_status").asText(), away.body());
                assertEquals(503, vigil.as(ana).add(shared, Stix.indicator("while away")).status());

                pg = start(pgData, port);
                Taxii.Reply back = vigil.as(ana).get(Taxii.objects(shared));
                for (int i = 0; i < 30 && back.status() != 200; i++) {
                    Thread.sleep(500);
                    back = vigil.as(ana).get(Taxii.objects(shared));
                }
                assertEquals(200, back.status(), back::toString);
                assertEquals(1, back.json().path("objects").size(), "what was stored before is there, once");
                assertEquals(202, vigil.as(ana).add(shared, Stix.indicator("after")).status());
            }
        } finally {
            pg.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return PostgresServers.start(data, port, Map.of());
    }
}
