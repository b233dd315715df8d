package org.vigil.screen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.CollectionView;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.RedRecipients;
import org.vigil.access.ReleasedObject;
import org.vigil.access.WritePath;
import org.vigil.stix.Identifier;
import org.vigil.stix.Publisher;
import org.vigil.stix.StixJson;
import org.vigil.stix.StixObject;
import org.vigil.stix.Tlp;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Organisation;
import org.vigil.store.Role;
import org.vigil.store.ScreeningTask;
import org.vigil.store.Status;
import org.vigil.store.Store;
import org.vigil.store.User;

/**
 * Writes the STIX sighting of a person of interest that continuous screening matched, through the write path, as
 * the hub (created_by_ref is Vigil's identity; the poster is the hub's own screening account).
 *
 * <ul>
 * <li>Its id is UUIDv5 of (person of interest, new object), and its created, modified, first_seen and last_seen are
 * the new object's version, so screening the same version again writes the very same sighting version, which the
 * store already holds: a repeat is a no-op. A later version of the new object adds a sighting version with a later
 * last_seen and a higher count.</li>
 * <li>It is TLP:RED, naming as recipients the users who may see both the person of interest and the new object:
 * no less restrictive than either, and the only level whose audience Vigil can set to exactly those users
 * (AMBER+STRICT follows created_by_ref, which is the hub's).</li>
 * <li>It is filed in a collection that holds the person of interest, the first (in the read path's order) that the
 * first recipient (by user id) may read: the list owner's own collection.</li>
 * </ul>
 */
final class Sightings {

    private static final Logger LOG = LoggerFactory.getLogger(Sightings.class);
    private static final String VIA = "continuous screening";
    /** The hub's own organisation (its identity is Vigil's) and the account that posts what screening records. */
    static final UUID ORGANISATION = UUID.nameUUIDFromBytes("vigil:hub".getBytes(StandardCharsets.UTF_8));
    static final UUID SCREENER = UUID.nameUUIDFromBytes("vigil:screening".getBytes(StandardCharsets.UTF_8));
    private static final int MAX_REPORTS = 20;

    private final ReadPath reads;
    private final WritePath writes;
    private final Store store;
    private Principal screener;

    Sightings(ReadPath reads, WritePath writes, Store store) {
        this.reads = reads;
        this.writes = writes;
        this.store = store;
    }

    /** One person of interest matched by a new person: the best match, and every user for whom it matched. */
    static final class Hit {
        private Match best;
        private String name;
        private final Map<String, Principal> seers = new TreeMap<>();

        Hit(Match m, String name) {
            this.best = m;
            this.name = name;
        }

        Hit seenBy(Principal p, Match m, String screened) {
            seers.put(p.userId().toString(), p);
            if (m.score() > best.score()) {
                best = m;
                name = screened;
            }
            return this;
        }
    }

    boolean isScreener(User u) {
        return u.id().equals(SCREENER);
    }

    /** Records (or moves on) the sighting of one hit. */
    void record(ScreeningTask t, Hit h) {
        List<Principal> seers = List.copyOf(h.seers.values());
        Principal first = seers.get(0);
        String poi = h.best.person().id();
        Optional<CollectionView> home = holding(first, poi);
        if (home.isEmpty()) {
            LOG.warn("no collection that {} reads holds person of interest {} any more; no sighting recorded",
                    first.name(), poi);
            return;
        }
        String id = Identifier.deterministic("sighting", Publisher.NAMESPACE, "watchlist-hit|" + poi + "|"
                + t.objectId());
        Optional<StixObject> held = reads.objects(first, home.get(), ObjectQuery.in(home.get().collection().id())
                .ids(id).limit(1).build(), VIA).items().stream().findFirst().map(ReleasedObject::object);
        String seen = t.version();
        if (held.isPresent() && held.get().text("last_seen") != null
                && java.time.Instant.parse(held.get().text("last_seen")).compareTo(java.time.Instant.parse(seen)) >= 0) {
            return;
        }
        ObjectNode extensions = StixJson.newObjectNode();
        extensions.set(RedRecipients.EXTENSION_ID, RedRecipients.entry(new LinkedHashSet<>(h.seers.keySet())));
        extensions.set(WatchlistHit.EXTENSION_ID, WatchlistHit.entry(t.objectId(), reportsAllSee(seers, t.objectId()),
                h.best, h.name));
        StixObject sighting = StixObject.builder("sighting", id)
                .put("created_by_ref", Publisher.IDENTITY_ID)
                .put("created", held.map(s -> s.text("created")).orElse(seen))
                .put("modified", seen)
                .put("first_seen", held.map(s -> s.text("first_seen")).orElse(seen))
                .put("last_seen", seen)
                .put("count", held.map(s -> s.property("count").map(c -> c.asLong() + 1).orElse(1L)).orElse(1L))
                .put("sighting_of_ref", poi)
                .put("description", "Watchlist hit: " + h.name + " (" + t.objectId() + ") matched "
                        + h.best.person().name() + " with score " + Math.round(h.best.score() * 1000) / 1000.0 + ": " + h.best.why())
                .put("object_marking_refs", List.of(Tlp.RED.markingId()))
                .put("extensions", extensions)
                .build();
        Status s = writes.add(screener(), new CollectionView(home.get().collection(), true, true, false),
                List.of(WritePath.Item.of(sighting)), VIA);
        if (!s.failures().isEmpty()) {
            LOG.warn("the sighting of {} through {} was refused: {}", poi, t.objectId(), s.failures().get(0).message());
        }
    }

    /** The first collection, in the read path's order, in which {@code p} sees {@code id}. */
    private Optional<CollectionView> holding(Principal p, String id) {
        for (CollectionView v : reads.readableCollections(p)) {
            if (!reads.objects(p, v, ObjectQuery.in(v.collection().id()).ids(id).limit(1).build(), VIA).items()
                    .isEmpty()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The reports naming the new object that every recipient may see, so the sighting names none they may not. */
    private List<String> reportsAllSee(List<Principal> seers, String objectId) {
        Set<String> common = null;
        for (Principal p : seers) {
            Set<String> mine = new LinkedHashSet<>();
            for (ReleasedObject o : reads.referencing(p, objectId, MAX_REPORTS, VIA)) {
                if (o.id().startsWith("report--")) {
                    mine.add(o.id());
                }
            }
            if (common == null) {
                common = mine;
            } else {
                common.retainAll(mine);
            }
        }
        return common == null ? List.of() : new ArrayList<>(common);
    }

    /**
     * The hub's screening account, created on first use with its organisation (whose identity is Vigil's, so it
     * may sign as the hub). It holds no grants and no password: it can post through screening only.
     */
    private synchronized Principal screener() {
        if (screener == null) {
            Organisation hub = store.organisations().stream().filter(o -> o.identityId().equals(Publisher.IDENTITY_ID))
                    .findFirst().orElseGet(() -> {
                        Organisation o = new Organisation(ORGANISATION, "vigil-hub", Publisher.IDENTITY_ID, false);
                        store.putOrganisation(o);
                        return o;
                    });
            User u = store.user(SCREENER).orElseGet(() -> {
                User x = new User(SCREENER, "vigil-screening", hub.id(), Role.ANALYST, null);
                store.putUser(x);
                return x;
            });
            screener = Principal.of(u, hub);
        }
        return screener;
    }
}
