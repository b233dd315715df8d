package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Principal;
import org.vigil.access.ReleasedObject;
import org.vigil.app.TestVigil.Account;
import org.vigil.screen.WatchlistHit;
import org.vigil.stix.StixObject;

/**
 * A person extracted from an ingested article is screened like any new individual: {@code vigil ingest} stores the
 * article's report and the persons it names, and {@code vigil screen --queue} turns the one on the watchlist into a
 * sighting that names the report.
 */
class IngestScreeningTest {

    private static final String UMAROV = "threat-actor--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";

    @Test
    void aPersonNamedInAnIngestedArticleIsSightedThroughItsReport(@TempDir Path dir) throws IOException {
        try (TestVigil vigil = TestVigil.create(StoreKind.SQLITE, dir.resolve("data"))) {
            vigil.org("Analysts", true);
            Account alice = vigil.user("alice", "Analysts", "analyst");
            UUID osint = vigil.collection("Open sources", "osint");
            vigil.grant(osint, alice, "write");
            vigil.grant(osint, alice, "read");
            vigil.start();
            assertEquals(1, vigil.as(alice).add(osint, StixObject.builder("threat-actor", UMAROV)
                    .put("created", "2026-05-01T08:00:00.000Z").put("modified", "2026-05-01T08:00:00.000Z")
                    .put("name", "Dokka Umarov").put("resource_level", "individual")
                    .put("threat_actor_types", List.of("terrorist")).put("object_marking_refs", List.of(Stix.AMBER))
                    .build()).json().path("success_count").asInt());
            Path article = Files.writeString(dir.resolve("grozny.txt"), "GROZNY, Russia — The rebel leader Doku "
                    + "Umarov said on Monday that his fighters would disrupt the Winter Olympics in Sochi, according "
                    + "to a video posted online.\n");
            TestVigil.Run ingest = vigil.cli("ingest", "-q", article.toString(), "--collection", "osint", "--user",
                    "alice");
            assertEquals(0, ingest.code(), ingest.err());
            String screened = vigil.cli("screen", "--queue").ok();
            assertTrue(screened.startsWith("screened "), screened);

            Principal p = vigil.hub().principal("alice");
            List<StixObject> sightings = vigil.hub().reads.objectsOfType(p, "sighting", 10, "test").stream()
                    .map(ReleasedObject::object).toList();
            assertEquals(1, sightings.size(), screened + " " + ingest.out());
            StixObject s = sightings.get(0);
            assertEquals(UMAROV, s.text("sighting_of_ref"));
            String observed = WatchlistHit.observedRef(s).orElseThrow();
            assertTrue(observed.startsWith("identity--"), observed);
            String report = s.property("extensions").orElseThrow().path(WatchlistHit.EXTENSION_ID).path("report_refs")
                    .path(0).asText();
            assertTrue(report.startsWith("report--"), s.toString());
        }
    }
}
