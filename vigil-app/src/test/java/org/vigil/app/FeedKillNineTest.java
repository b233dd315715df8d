package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Taxii.Reply;
import org.vigil.app.TestVigil.Account;
import org.vigil.stix.StixObject;

/**
 * Issue 13's exactly-once promise under kill -9: {@code vigil feed sync} of 20,000 object versions runs in a child
 * JVM and is killed several times at random points, then runs to the end; the local collection then holds exactly
 * the remote's objects and versions, each stored once.
 */
class FeedKillNineTest {

    private static final int OBJECTS = 18_000;
    private static final int REVISED = 2_000;
    private static final int KILLS = 4;

    @Test
    void aSyncKilledAtRandomPointsEndsWithExactlyTheRemotesVersions(@TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (TestVigil remote = TestVigil.create(StoreKind.SQLITE, dir.resolve("remote"))) {
            remote.org("Partner", true);
            Account pat = remote.user("pat", "Partner", "analyst");
            UUID intel = remote.collection("Partner intel", "intel");
            remote.grant(intel, pat, "read");
            fill(remote, intel);
            remote.start();

            Path data = dir.resolve("local");
            try (TestVigil local = TestVigil.create(StoreKind.SQLITE, data,
                    Map.of("federation.lease", "PT1S", "federation.page_size", "1000"))) {
                local.org("Hub", true);
                local.user("relay", "Hub", "federation");
                local.collection("Partners", "partners");
                local.cliWithInput(pat.token() + "\n", "feed", "add", "partner", "--url",
                        remote.base() + "/api1/collections/" + intel + "/", "--into", "partners", "--as", "relay").ok();
            }
            // Each round waits until the child has stored a random number of versions more than before, then kills
            // it a random moment later: in the middle of a page, between pages, or while it commits.
            List<Long> storedAtKills = new ArrayList<>();
            try (TestVigil watcher = TestVigil.reopen(StoreKind.SQLITE, data)) {
                long before = 0;
                for (int i = 0; i < KILLS; i++) {
                    Process sync = sync(data, dir.resolve("sync-" + i + ".log"));
                    long target = before + random.nextInt(4_000);
                    while (sync.isAlive() && stored(watcher) <= target) {
                        Thread.sleep(50);
                    }
                    Thread.sleep(random.nextInt(300));
                    if (!sync.isAlive()) {
                        break;
                    }
                    sync.destroyForcibly();
                    assertTrue(sync.waitFor(30, TimeUnit.SECONDS));
                    before = stored(watcher);
                    storedAtKills.add(before);
                }
            }
            System.out.println("feed sync killed " + storedAtKills.size() + " times, with these versions stored: "
                    + storedAtKills + " (seed " + seed + ")");
            assertTrue(storedAtKills.stream().filter(n -> n > 0 && n < OBJECTS + REVISED).count() >= 2,
                    () -> "fewer than two kills fell in the middle of the sync: " + storedAtKills + ", seed " + seed);
            Path lastLog = dir.resolve("sync-last.log");
            Process last = sync(data, lastLog);
            assertTrue(last.waitFor(180, TimeUnit.SECONDS), "the last sync did not end");
            String output = Files.readString(lastLog);
            assertEquals(0, last.exitValue(), () -> "seed " + seed + "; the last sync failed:\n" + output);

            try (TestVigil local = TestVigil.reopen(StoreKind.SQLITE, data)) {
                UUID partners = local.hub().collection("partners").id();
                local.cli("collection", "grant", "partners", "relay", "read").ok();
                String token = local.cli("token", "add", "relay").ok();
                local.start();
                Map<String, Set<String>> held = versions(local.anonymous().bearer(token), partners);
                Map<String, Set<String>> expected = versions(remote.as(pat), intel);
                assertEquals(OBJECTS, expected.size());
                assertEquals(expected.size(), held.size(), "seed " + seed);
                assertTrue(expected.equals(held), "seed " + seed + ": the local collection differs from the remote's");
                String list = local.cli("feed", "list").ok();
                assertTrue(list.contains("stored " + (OBJECTS + REVISED) + "\t"), "each version stored once: " + list);
            }
        }
    }

    /** 18,000 indicators, and a second version of 2,000 of them, in batches of 1,000 (one date_added each). */
    private static void fill(TestVigil remote, UUID intel) {
        List<StixObject> revised = new ArrayList<>();
        for (int b = 0; b < OBJECTS / 1_000; b++) {
            List<StixObject> batch = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                StixObject o = Stix.indicator(Stix.newId("indicator"), "object " + b + "/" + i, 1);
                batch.add(o);
                if (revised.size() < REVISED) {
                    revised.add(Stix.indicator(o.id(), "object " + b + "/" + i + ", revised", 2));
                }
            }
            remote.hub().store.add(intel, batch);
        }
        remote.hub().store.add(intel, revised.subList(0, REVISED / 2));
        remote.hub().store.add(intel, revised.subList(REVISED / 2, REVISED));
    }

    /** The versions the feed's state says it stored, as committed with them. */
    private static long stored(TestVigil watcher) {
        return watcher.hub().store.feed("partner").orElseThrow().state().stored();
    }

    private static Process sync(Path data, Path log) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", cp, Vigil.class.getName(), "feed", "sync", "partner", "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static Map<String, Set<String>> versions(Taxii client, UUID collection) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Reply page : client.allPages(Taxii.objects(collection), "match[version]", "all", "limit", "1000")) {
            assertEquals(200, page.status(), page::toString);
            page.json().path("objects").forEach(o -> out.computeIfAbsent(o.path("id").asText(), k -> new TreeSet<>())
                    .add(o.path("modified").asText()));
        }
        return out;
    }
}
