package org.vigil.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.store.TestObjects.indicator;
import static org.vigil.store.TestObjects.newId;
import static org.vigil.store.TestObjects.time;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.stix.Tlp;

/** Feeds, their lease and their state, and claimed identities, on both dialects. */
abstract class FeedStoreContract {

    private Store store;
    private UUID collection;
    private User relay;
    private Organisation hub;

    abstract StoreConfig newConfig();

    @BeforeEach
    void openStore() {
        store = Store.open(newConfig());
        store.putApiRoot(new ApiRoot("api1", "API root one", null, 10_000_000));
        collection = UUID.randomUUID();
        store.putCollection(Collection.of(collection, "api1", "pulled"));
        hub = new Organisation(UUID.randomUUID(), "Hub", newId("identity"), true);
        store.putOrganisation(hub);
        relay = new User(UUID.randomUUID(), "relay", hub.id(), Role.FEDERATION, null);
        store.putUser(relay);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Feed feed(String name) {
        Feed f = new Feed(UUID.randomUUID(), name, Feed.Direction.PULL, "https://remote.example/api1/collections/x/",
                collection, relay.id(), "r", "v1:sealed", Duration.ofMinutes(15), Tlp.AMBER, null, FeedState.NEW);
        store.putFeed(f);
        return f;
    }

    @Test
    void aFeedIsStoredWithItsSettingsAndAFreshState() {
        Feed f = feed("partner");
        assertEquals(f, store.feed("partner").orElseThrow());
        assertEquals(List.of(f), store.feeds());
        assertThrows(StoreException.class, () -> feed("partner"), "names are unique");
        assertTrue(store.removeFeed("partner"));
        assertFalse(store.removeFeed("partner"));
    }

    @Test
    void aLeaseIsExclusiveUntilItRunsOutOrIsReleased() {
        Feed f = feed("partner");
        Instant later = Instant.now().plusSeconds(60);
        assertTrue(store.leaseFeed(f.id(), "node-a", later));
        assertFalse(store.leaseFeed(f.id(), "node-b", later));
        assertTrue(store.leaseFeed(f.id(), "node-a", later), "the holder renews it");
        store.releaseFeed(f.id(), "node-b");
        assertFalse(store.leaseFeed(f.id(), "node-b", later), "only the holder gives it back");
        store.releaseFeed(f.id(), "node-a");
        assertTrue(store.leaseFeed(f.id(), "node-b", Instant.now().minusSeconds(1)));
        assertTrue(store.leaseFeed(f.id(), "node-a", later), "a lease that ran out is free");
    }

    @Test
    void theStateMovesInTheSameTransactionAsTheBatch() {
        Feed f = feed("partner");
        store.leaseFeed(f.id(), "node-a", Instant.now().plusSeconds(60));
        String id = newId("indicator");
        List<AddResult> added = store.add(collection, relay.id(), List.of(indicator(id, time(1))),
                new FeedProgress(f.id(), "node-a", results -> FeedState.NEW.plus("2026-01-01T00:00:00.000000Z",
                        results.size(), 0, 0, 0)));
        assertEquals(1, added.size());
        assertEquals(new FeedState("2026-01-01T00:00:00.000000Z", null, 1, 0, 0, 0, null),
                store.feed("partner").orElseThrow().state());
    }

    @Test
    void aBatchOfAHolderWhoLostTheLeaseStoresNothing() {
        Feed f = feed("partner");
        store.leaseFeed(f.id(), "node-b", Instant.now().plusSeconds(60));
        String id = newId("indicator");
        assertThrows(StoreException.class, () -> store.add(collection, relay.id(), List.of(indicator(id, time(1))),
                new FeedProgress(f.id(), "node-a", results -> FeedState.NEW.plus("c", 1, 0, 0, 0))));
        assertEquals(FeedState.NEW, store.feed("partner").orElseThrow().state());
        assertEquals(AddResult.Outcome.STORED,
                store.add(collection, List.of(indicator(id, time(1)))).get(0).outcome(), "the object was not stored");
    }

    @Test
    void anOrganisationClaimsIdentitiesNoOtherHasOrClaims() {
        Organisation other = new Organisation(UUID.randomUUID(), "Other", newId("identity"), true);
        store.putOrganisation(other);
        String old = newId("identity");
        store.claimIdentity(hub.id(), old);
        store.claimIdentity(hub.id(), old);
        assertEquals(List.of(old), store.claimedIdentities(hub.id()));
        assertThrows(StoreException.class, () -> store.claimIdentity(other.id(), old));
        assertThrows(StoreException.class, () -> store.claimIdentity(hub.id(), other.identityId()));
        assertThrows(StoreException.class, () -> store.putOrganisation(
                new Organisation(UUID.randomUUID(), "Copycat", old, false)));
        assertEquals(List.of(), store.claimedIdentities(other.id()));
    }
}
