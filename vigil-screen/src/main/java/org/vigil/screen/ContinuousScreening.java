package org.vigil.screen;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.ReleasedObject;
import org.vigil.access.WritePath;
import org.vigil.stix.StixObject;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Organisation;
import org.vigil.store.ScreeningTask;
import org.vigil.store.Store;
import org.vigil.store.User;

/**
 * Screens every new individual (an identity whose identity_class is "individual", a threat-actor whose
 * resource_level is "individual", whether posted over TAXII or extracted from an article) against the watchlist of
 * each user who may see it, and records a STIX sighting of each person of interest it matches (see
 * {@link Sightings}), from which webhooks send {@code watchlist.hit}.
 *
 * <p>The work comes from the store's screening queue, which the store fills in the transaction that stores the
 * person, so writers never wait for screening. A pass claims tasks with a lease and removes each once its sightings
 * are written: a crash repeats a task, never loses one, and a repeat writes the same sighting version again, which
 * the store holds already.
 */
public final class ContinuousScreening implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuousScreening.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final ReadPath reads;
    private final Store store;
    private final Clock clock;
    private final Sightings sightings;
    private final String holder = "screening-" + UUID.randomUUID();
    private ScheduledExecutorService ticker;

    public ContinuousScreening(ReadPath reads, WritePath writes, Store store, Clock clock) {
        this.reads = reads;
        this.store = store;
        this.clock = clock;
        this.sightings = new Sightings(reads, writes, store);
    }

    /** Screens in the background, looking for new work every {@code poll}. */
    public ContinuousScreening start(Duration poll) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-screening");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void tick() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("continuous screening failed; trying again shortly: {}", e.getMessage());
        }
    }

    /** Screens everything queued that no other node holds; returns how many new persons were screened. */
    public int drain() {
        int done = 0;
        // A read first, so that an idle hub does not take SQLite's write lock at every poll to claim nothing.
        if (store.screeningBacklog() == 0) {
            return 0;
        }
        List<ScreeningTask> tasks;
        do {
            tasks = store.claimScreening(holder, clock.instant().plus(LEASE), BATCH);
            Map<UUID, Optional<Watchlist>> watchlists = new HashMap<>();
            for (ScreeningTask t : tasks) {
                try {
                    screen(t, watchlists);
                } catch (RuntimeException e) {
                    // Left in the queue: once the lease runs out it is tried again, and the rest of the batch goes on.
                    LOG.warn("screening {} in collection {} failed; it will be tried again after the lease runs out: {}",
                            t.objectId(), t.collectionId(), e.toString());
                    continue;
                }
                store.finishScreening(t);
                done++;
            }
        } while (!tasks.isEmpty());
        return done;
    }

    /**
     * Screens one new person as every user who may read its collection sees it, against that user's watchlist,
     * and records a sighting of each person of interest matched, for those users who may see both.
     */
    private void screen(ScreeningTask t, Map<UUID, Optional<Watchlist>> watchlists) {
        String request = "continuous screening of " + t.objectId();
        Map<String, Sightings.Hit> hits = new LinkedHashMap<>();
        for (Principal p : readers(t.collectionId())) {
            Optional<StixObject> seen = reads.object(p, t.objectId(), request).map(ReleasedObject::object);
            if (seen.isEmpty()) {
                continue;
            }
            Optional<Watchlist> list = watchlists.computeIfAbsent(p.userId(),
                    k -> Optional.of(Watchlist.of(reads, p, request)).filter(w -> w.size() > 0));
            if (list.isEmpty()) {
                continue;
            }
            List<Subject> names = subjects(seen.get());
            for (Watchlist.Screened s : list.get().screen(names, Screening.THRESHOLD, request)) {
                for (Match m : s.matches()) {
                    if (!m.person().id().equals(t.objectId())) {
                        hits.computeIfAbsent(m.person().id(), k -> new Sightings.Hit(m, s.subject().name()))
                                .seenBy(p, m, s.subject().name());
                    }
                }
            }
        }
        for (Sightings.Hit h : hits.values()) {
            sightings.record(t, h);
        }
        if (!hits.isEmpty()) {
            LOG.info("{} in collection {} matched {} person(s) of interest", t.objectId(), t.collectionId(),
                    hits.size());
        }
    }

    /** The users who may read a collection, as principals that sign as their organisation's claimed identities. */
    private List<Principal> readers(UUID collectionId) {
        List<Principal> out = new ArrayList<>();
        Optional<Collection> c = store.collection(collectionId);
        if (c.isEmpty()) {
            return out;
        }
        for (Grant g : store.grantsOn(collectionId)) {
            Optional<User> u = store.user(g.userId());
            Optional<Organisation> org = u.flatMap(x -> store.organisation(x.organisationId()));
            if (g.read() && org.isPresent() && !sightings.isScreener(u.get())) {
                out.add(Principal.of(u.get(), org.get()).withClaimedIdentities(store.claimedIdentities(org.get().id())));
            }
        }
        return out;
    }

    /** The names a new person goes by, each with the birth date and nationality it gives. */
    static List<Subject> subjects(StixObject o) {
        List<String> names = new ArrayList<>();
        Optional.ofNullable(o.text("name")).filter(n -> !n.isBlank()).ifPresent(names::add);
        o.texts("aliases").stream().filter(n -> !n.isBlank() && !names.contains(n)).forEach(names::add);
        PersonDetails.aliases(o).stream().filter(n -> !n.isBlank() && !names.contains(n)).forEach(names::add);
        String born = PersonDetails.birthDate(o).orElse(null);
        String nationality = PersonDetails.nationality(o).orElse(null);
        return names.stream().map(n -> new Subject(n, born, nationality)).toList();
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
