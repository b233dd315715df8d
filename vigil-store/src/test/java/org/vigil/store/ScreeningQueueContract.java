package org.vigil.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigil.store.TestObjects.indicator;
import static org.vigil.store.TestObjects.newId;
import static org.vigil.store.TestObjects.sdo;
import static org.vigil.store.TestObjects.time;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The screening queue: filled as individuals are stored, claimed with a lease, emptied as each is done. */
abstract class ScreeningQueueContract {

    private Store store;
    private UUID collection;

    abstract StoreConfig newConfig();

    @BeforeEach
    void openStore() {
        store = Store.open(newConfig());
        store.putApiRoot(new ApiRoot("api1", "API root one", null, 10_000_000));
        collection = UUID.randomUUID();
        store.putCollection(Collection.of(collection, "api1", "reports"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static org.vigil.stix.StixObject individual(String id, String modified) {
        return sdo("identity", id, modified).with("name", "Doku Umarov").with("identity_class", "individual");
    }

    @Test
    void storingAnIndividualQueuesItsVersionAndNothingElse() {
        String person = newId("identity");
        String actor = newId("threat-actor");
        store.add(collection, List.of(individual(person, time(1)), indicator(newId("indicator"), time(1)),
                sdo("identity", newId("identity"), time(1)).with("name", "ACME").with("identity_class", "organization"),
                sdo("threat-actor", actor, time(1)).with("name", "Umarov").with("resource_level", "individual")));
        store.add(collection, List.of(individual(person, time(1))));
        List<ScreeningTask> tasks = store.claimScreening("node-a", Instant.now().plusSeconds(60), 10);
        assertEquals(List.of(person, actor), tasks.stream().map(ScreeningTask::objectId).toList(),
                "a version already held is not queued again");
        assertEquals(collection, tasks.get(0).collectionId());
        assertEquals(time(1), tasks.get(0).version());
    }

    @Test
    void aClaimedTaskIsLeftToItsHolderUntilTheLeaseRunsOut() {
        String person = newId("identity");
        store.add(collection, List.of(individual(person, time(1))));
        assertEquals(1, store.claimScreening("node-a", Instant.now().plusSeconds(60), 10).size());
        assertTrue(store.claimScreening("node-b", Instant.now().plusSeconds(60), 10).isEmpty());
        assertEquals(1, store.screeningBacklog());
        store.add(collection, List.of(individual(person, time(2))));
        assertEquals(List.of(time(2)), store.claimScreening("node-b", Instant.now().minusSeconds(1), 10).stream()
                .map(ScreeningTask::version).toList(), "the new version is queued on its own");
        List<ScreeningTask> again = store.claimScreening("node-c", Instant.now().plusSeconds(60), 10);
        assertEquals(1, again.size(), "a lease that ran out is free to claim");
    }

    @Test
    void aFinishedTaskLeavesTheQueue() {
        store.add(collection, List.of(individual(newId("identity"), time(1))));
        ScreeningTask t = store.claimScreening("node-a", Instant.now().plusSeconds(60), 10).get(0);
        store.finishScreening(t);
        store.finishScreening(t);
        assertEquals(0, store.screeningBacklog());
        assertTrue(store.claimScreening("node-b", Instant.now().minusSeconds(1), 10).isEmpty());
    }
}
