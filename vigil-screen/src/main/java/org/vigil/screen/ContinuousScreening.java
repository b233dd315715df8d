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

    /**
     * Screens everything queued that no other node holds; returns how many new persons were screened. Each reader's
     * watchlist is loaded once a pass, however many batches the pass takes; each batch is read and screened as each
     * reader sees it in one audit record per reader for the newcomers released and one for the screening.
     */
    public int drain() {
        int done = 0;
        // A read first, so that an idle hub does not take SQLite's write lock at every poll to claim nothing.
        if (store.screeningBacklog() == 0) {
            return 0;
        }
        Map<UUID, Optional<Watchlist>> watchlists = new HashMap<>();
        List<ScreeningTask> tasks;
        do {
            tasks = store.claimScreening(holder, clock.instant().plus(LEASE), BATCH);
            Map<UUID, List<ScreeningTask>> byCollection = new LinkedHashMap<>();
            tasks.forEach(t -> byCollection.computeIfAbsent(t.collectionId(), k -> new ArrayList<>()).add(t));
            for (Map.Entry<UUID, List<ScreeningTask>> e : byCollection.entrySet()) {
                try {
                    screen(e.getKey(), e.getValue(), watchlists);
                } catch (RuntimeException ex) {
                    // Left in the queue: once the lease runs out they are tried again, and the rest of the batch goes on.
                    LOG.warn("screening {} new person(s) in collection {} failed; they will be tried again after the "
                            + "lease runs out: {}", e.getValue().size(), e.getKey(), ex.toString());
                    continue;
                }
                for (ScreeningTask t : e.getValue()) {
                    store.finishScreening(t);
                    done++;
                }
            }
        } while (!tasks.isEmpty());
        return done;
    }

    /**
     * Screens new persons of one collection as every user who may read it sees them, against that user's watchlist,
     * and records a sighting of each person of interest matched, for those users who may see both.
     */
    private void screen(UUID collectionId, List<ScreeningTask> tasks, Map<UUID, Optional<Watchlist>> watchlists) {
        List<String> ids = tasks.stream().map(ScreeningTask::objectId).distinct().toList();
        String request = "continuous screening of " + ids.size() + " new person(s) in collection " + collectionId;
        Map<String, Map<String, Sightings.Hit>> hitsByNewcomer = new HashMap<>();
        for (Principal p : readers(collectionId)) {
            List<ReleasedObject> seen = reads.objects(p, ids, request);
            if (seen.isEmpty()) {
                continue;
            }
            Optional<Watchlist> list = watchlists.computeIfAbsent(p.userId(), k -> Optional.of(Watchlist.of(reads, p,
                    "continuous screening: the watchlist of " + p.name())).filter(w -> w.size() > 0));
            if (list.isEmpty()) {
                continue;
            }
            List<Subject> names = new ArrayList<>();
            List<String> of = new ArrayList<>();
            for (ReleasedObject o : seen) {
                for (Subject s : subjects(o.object())) {
                    names.add(s);
                    of.add(o.id());
                }
            }
            List<Watchlist.Screened> screened = list.get().screen(names, Screening.THRESHOLD, request);
            for (int i = 0; i < screened.size(); i++) {
                String newcomer = of.get(i);
                Watchlist.Screened s = screened.get(i);
                for (Match m : s.matches()) {
                    if (!m.person().id().equals(newcomer)) {
                        hitsByNewcomer.computeIfAbsent(newcomer, k -> new LinkedHashMap<>())
                                .computeIfAbsent(m.person().id(), k -> new Sightings.Hit(m, s.subject().name()))
                                .seenBy(p, m, s.subject().name());
                    }
                }
            }
        }
        for (ScreeningTask t : tasks) {
            Map<String, Sightings.Hit> hits = hitsByNewcomer.getOrDefault(t.objectId(), Map.of());
            for (Sightings.Hit h : hits.values()) {
                sightings.record(t, h);
            }
            if (!hits.isEmpty()) {
                LOG.info("{} in collection {} matched {} person(s) of interest", t.objectId(), collectionId,
                        hits.size());
            }
        }
    }

    /**
     * The users who may read a collection, as principals that sign as their organisation's claimed identities:
     * those granted it, and every user when it is public.
     */
    private List<Principal> readers(UUID collectionId) {
        List<Principal> out = new ArrayList<>();
        Optional<Collection> c = store.collection(collectionId);
        if (c.isEmpty()) {
            return out;
        }
        List<User> users = new ArrayList<>();
        if (c.get().isPublic()) {
            users.addAll(store.users());
        } else {
            for (Grant g : store.grantsOn(collectionId)) {
                if (g.read()) {
                    store.user(g.userId()).ifPresent(users::add);
                }
            }
        }
        for (User u : users) {
            Optional<Organisation> org = store.organisation(u.organisationId());
            if (org.isPresent() && !sightings.isScreener(u)) {
                out.add(Principal.of(u, org.get()).withClaimedIdentities(store.claimedIdentities(org.get().id())));
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
