package org.vigil.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.AuditLog;
import org.vigil.access.CollectionView;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.ReleasedObject;
import org.vigil.access.WritePath;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiRoot;
import org.vigil.store.Collection;
import org.vigil.store.Feed;
import org.vigil.store.FeedState;
import org.vigil.store.Grant;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.User;
import org.vigil.store.VersionMatch;

/**
 * Pulls from a remote that batches date_added, insists on the same filters with {@code next}, may leave out the
 * Date-Added headers, and fails in the middle of a pass: the local collection ends with each version exactly once.
 */
class PullFromOtherServersTest {

    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00.123Z");

    private Store store;
    private Federation federation;
    private BatchingRemote remote;
    private Principal relay;
    private CollectionView into;
    private ReadPath reads;

    @BeforeEach
    void hub(@TempDir Path dir) throws Exception {
        store = Store.open(StoreConfig.sqlite(dir));
        store.putApiRoot(new ApiRoot("api1", "test", null, 10_000_000));
        Collection c = Collection.of(UUID.randomUUID(), "api1", "pulled");
        store.putCollection(c);
        Organisation org = new Organisation(UUID.randomUUID(), "Hub", "identity--" + UUID.randomUUID(), true);
        store.putOrganisation(org);
        User user = new User(UUID.randomUUID(), "relay", org.id(), Role.FEDERATION, null);
        store.putUser(user);
        store.putGrant(new Grant(user.id(), c.id(), true, true));
        AuditLog audit = new AuditLog(store);
        reads = new ReadPath(store, audit);
        federation = new Federation(store, reads, new WritePath(store, audit, Clock.systemUTC()),
                new FeedSecrets(new byte[32]), new FederationSettings(5, Duration.ofMinutes(1), Duration.ofSeconds(20),
                        1, Duration.ofMillis(1)));
        relay = Principal.of(user, org);
        into = reads.collection(relay, "api1", c.id()).orElseThrow();
        remote = new BatchingRemote();
        store.putFeed(new Feed(UUID.randomUUID(), "remote", Feed.Direction.PULL, remote.collectionUrl(), c.id(),
                user.id(), null, null, Duration.ofMinutes(15), Tlp.AMBER, null, FeedState.NEW));
    }

    @AfterEach
    void close() {
        remote.close();
        federation.close();
        store.close();
    }

    /** Batches of seven sharing a date_added, read in pages of five; every third object gets a second version. */
    private void postBatches(int batches, int firstSecond) {
        postBatches(T0, batches, firstSecond);
    }

    /** Batches as above, dated from {@code base} on (a real server dates them by its clock). */
    private void postBatches(Instant base, int batches, int firstSecond) {
        List<StixObject> seconds = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<StixObject> batch = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                StixObject o = indicator("indicator--" + UUID.randomUUID(), "2026-05-01T08:00:00.000Z");
                batch.add(o);
                if (i % 3 == 0) {
                    seconds.add(indicator(o.id(), "2026-05-01T09:00:00.000Z"));
                }
            }
            remote.post(base.plusSeconds(firstSecond + b), batch);
        }
        remote.post(base.plusSeconds(firstSecond + batches), seconds);
    }

    private static StixObject indicator(String id, String modified) {
        return StixObject.builder("indicator", id).put("created", "2026-05-01T08:00:00.000Z").put("modified", modified)
                .put("name", "shared batch").put("pattern", "[ipv4-addr:value = '198.51.100.7']")
                .put("pattern_type", "stix").put("valid_from", "2026-05-01T08:00:00.000Z").build();
    }

    private Set<String> held() {
        Set<String> out = new HashSet<>();
        ObjectQuery q = ObjectQuery.in(into.collection().id()).versions(VersionMatch.ALL).limit(10_000).build();
        for (ReleasedObject o : reads.objects(relay, into, q, "test").items()) {
            out.add(o.id() + "@" + o.object().modified().orElseThrow());
        }
        return out;
    }

    private Set<String> remoteVersions() {
        Set<String> out = new HashSet<>();
        remote.entries().forEach(e -> out.add(e.object().id() + "@" + e.object().modified().orElseThrow()));
        return out;
    }

    private void pullFailingAtRequest(int n) throws InterruptedException {
        remote.failRequest(n);
        PassResult failed = federation.sync("remote", Duration.ZERO);
        assertFalse(failed.caughtUp(), "the scripted failure stops the pass");
        assertTrue(failed.error().contains("500"), failed.error());
        PassResult resumed = federation.sync("remote", Duration.ZERO);
        assertTrue(resumed.caughtUp(), () -> "the pass did not resume: " + resumed.error());
    }

    @Test
    void batchesSharingADateAddedAcrossPagesLoseNothingAndStoreNothingTwice() throws InterruptedException {
        postBatches(6, 0);
        pullFailingAtRequest(4);
        assertEquals(remoteVersions(), held());
        assertEquals(remote.entries().size(), store.feed("remote").orElseThrow().state().stored());

        postBatches(3, 100);
        pullFailingAtRequest(3);
        assertEquals(remoteVersions(), held());
        assertEquals(remote.entries().size(), store.feed("remote").orElseThrow().state().stored());
    }

    @Test
    void aRemoteWithoutDateAddedHeadersIsPulledExactlyOnceToo() throws InterruptedException {
        remote.withoutDateAddedHeaders();
        // Without the headers the cursor follows the remote's clock, so the batches are dated as a server dates them.
        Instant now = Instant.now();
        postBatches(now.minusSeconds(600), 5, 0);
        pullFailingAtRequest(5);
        postBatches(Instant.now(), 2, 0);
        assertTrue(federation.sync("remote", Duration.ZERO).caughtUp());
        assertEquals(remoteVersions(), held());
        assertEquals(remote.entries().size(), store.feed("remote").orElseThrow().state().stored());
    }
}
