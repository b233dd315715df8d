package org.vigil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.TestVigil.Account;
import org.vigil.store.Feed;

/**
 * {@code vigil serve} runs feeds on their schedules, a feed added while it runs included, and {@code vigil feed
 * sync} runs beside it on the same data directory.
 */
class ServeRunsFeedsTest {

    @Test
    void serveRunsAFeedAddedWhileItRunsAndFeedSyncRunsBesideIt(@TempDir Path dir) throws Exception {
        try (TestVigil remote = TestVigil.create(StoreKind.SQLITE, dir.resolve("remote"))) {
            remote.org("Partner", true);
            Account pat = remote.user("pat", "Partner", "analyst");
            UUID intel = remote.collection("Partner intel", "intel");
            remote.grant(intel, pat, "read");
            remote.grant(intel, pat, "write");
            remote.start();
            assertEquals(202, remote.as(pat).add(intel, Stix.indicator("before")).status());

            Path data = dir.resolve("local");
            try (TestVigil local = TestVigil.create(StoreKind.SQLITE, data)) {
                local.org("Hub", true);
                local.user("relay", "Hub", "federation");
                local.collection("Partners", "partners");
            }
            try (VigilProcess serve = VigilProcess.serve(data); TestVigil local = TestVigil.reopen(StoreKind.SQLITE, data)) {
                local.cliWithInput(pat.token() + "\n", "feed", "add", "partner", "--url",
                        remote.base() + "/api1/collections/" + intel + "/", "--into", "partners", "--as", "relay",
                        "--every", "PT1H").ok();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
                Feed feed = local.hub().store.feed("partner").orElseThrow();
                while (feed.state().lastSync() == null && Instant.now().isBefore(deadline)) {
                    Thread.sleep(200);
                    feed = local.hub().store.feed("partner").orElseThrow();
                }
                assertEquals(1, feed.state().stored(), () -> "serve did not run the new feed:\n" + serve.output());

                assertEquals(202, remote.as(pat).add(intel, Stix.indicator("after")).status());
                String sync = local.cli("feed", "sync", "partner").ok();
                assertTrue(sync.contains("1 stored") && sync.contains("caught up"), sync);
            }
        }
    }
}
