package org.vigil.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.vigil.stix.Tlp;
import org.vigil.store.ApiRoot;
import org.vigil.store.Audience;
import org.vigil.store.Collection;
import org.vigil.store.Cursor;
import org.vigil.store.ManifestEntry;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Page;
import org.vigil.store.PlaceLink;
import org.vigil.store.Status;
import org.vigil.store.Store;
import org.vigil.store.StoredObject;
import org.vigil.store.VersionEntry;
import org.vigil.store.VersionMatch;

/**
 * The one way objects leave Vigil. Every egress (TAXII today; the web UI, feeds, alerts and federation later)
 * reads through here, so the grants and the marking policy apply and the audit log records who received what,
 * whichever path asks. Pages, {@code more} and {@code next} are computed over visible objects only.
 */
public final class ReadPath {

    /** How many ids one lookup of newest versions names. */
    private static final int ID_CHUNK = 500;

    private final Store store;
    private final Grants grants;
    private final AuditLog audit;
    private final PlaceReads places;

    public ReadPath(Store store, AuditLog audit) {
        this.store = store;
        this.grants = new Grants(store);
        this.audit = audit;
        this.places = new PlaceReads(store, grants);
    }

    /** The API roots the hub serves; they describe the server, not its content, so anyone may list them. */
    public List<ApiRoot> apiRoots() {
        return store.apiRoots();
    }

    public Optional<ApiRoot> apiRoot(String name) {
        return store.apiRoot(name);
    }

    /** The collections of an API root that the principal can read or write. */
    public List<CollectionView> collections(Principal p, String apiRoot, String path) {
        List<CollectionView> out = new ArrayList<>();
        for (Collection c : store.collections(apiRoot)) {
            CollectionView v = grants.view(p, c);
            if (v.visible()) {
                out.add(v);
            }
        }
        audit.recordRead(p, "read-collections", path, List.of(), null);
        return out;
    }

    /**
     * Every collection, in every API root, that the principal may read, as they may: the one list that ways out
     * reading across collections (the picture, alerts, webhooks, the stream) start from. Nothing is released, so
     * nothing is recorded.
     */
    public List<CollectionView> readableCollections(Principal p) {
        return places.readable(p);
    }

    /** One collection, if it exists and the principal can read or write it; otherwise nothing, alike. */
    public Optional<CollectionView> collection(Principal p, String apiRoot, UUID id) {
        return store.collection(id).filter(c -> c.apiRoot().equals(apiRoot)).map(c -> grants.view(p, c))
                .filter(CollectionView::visible);
    }

    /** A page of the objects the principal may see, each as they may see it (granular markings applied). */
    public ObjectsPage<ReleasedObject> objects(Principal p, CollectionView c, ObjectQuery q, String path) {
        ObjectsPage<ReleasedObject> page = scan(p, c, q, (reader, row) -> view(reader, c.collection(), row));
        audit.recordRead(p, "read", path, page.items().stream().map(ReleasedObject::id).toList(), null);
        return page;
    }

    /** An object as released, with when its collection received that version (a TAXII timestamp). */
    public record Dated(ReleasedObject object, String dateAdded) {
    }

    /**
     * Like {@link #objects}, each object with its date_added, for egress paths that keep their own position in a
     * collection per object (webhook deliveries, live streams). These paths poll, so a page is recorded in the
     * audit log only when it releases something: an empty poll hands nothing out.
     */
    public ObjectsPage<Dated> datedObjects(Principal p, CollectionView c, ObjectQuery q, String path) {
        ObjectsPage<Dated> page = scan(p, c, q, (reader, row) -> view(reader, c.collection(), row)
                .map(o -> new Dated(o, row.dateAdded())));
        if (!page.items().isEmpty()) {
            audit.recordRead(p, "read", path, page.items().stream().map(d -> d.object().id()).toList(), null);
        }
        return page;
    }

    /** The manifest rows of the versions the principal may see. */
    public ObjectsPage<ManifestEntry> manifest(Principal p, CollectionView c, ObjectQuery q, String path) {
        ObjectsPage<ManifestEntry> page = scan(p, c, q, (reader, row) -> sees(reader, c.collection(), row)
                ? Optional.of(new ManifestEntry(row.id(), row.dateAdded(), row.version(),
                "application/stix+json;version=" + row.specVersion())) : Optional.empty());
        audit.recordRead(p, "read-manifest", path, page.items().stream().map(ManifestEntry::id).distinct().toList(), null);
        return page;
    }

    /** The versions of one object that the principal may see. */
    public ObjectsPage<VersionEntry> versions(Principal p, CollectionView c, ObjectQuery q, String path) {
        ObjectQuery all = q.toBuilder().versions(VersionMatch.ALL).build();
        ObjectsPage<VersionEntry> page = scan(p, c, all, (reader, row) -> sees(reader, c.collection(), row)
                ? Optional.of(new VersionEntry(row.id(), row.version(), row.dateAdded())) : Optional.empty());
        audit.recordRead(p, "read-versions", path, page.items().stream().map(VersionEntry::id).distinct().toList(), null);
        return page;
    }

    /**
     * Every version of one object that a query matches and the principal may see, paging ignored, for a write
     * that acts on them (a delete). It returns no content and nothing leaves the hub, so it is not recorded as a
     * read: the write records what it did.
     */
    public List<VersionEntry> visibleVersions(Principal p, CollectionView c, ObjectQuery q) {
        if (q.ids().size() != 1) {
            throw new IllegalArgumentException("visibleVersions looks at one object; the query names "
                    + q.ids().size());
        }
        List<VersionEntry> out = new ArrayList<>();
        ObjectQuery all = q.toBuilder().limit(ObjectQuery.MAX_LIMIT).after(null).build();
        ObjectsPage<VersionEntry> page;
        do {
            page = scan(p, c, all, (reader, row) -> sees(reader, c.collection(), row)
                    ? Optional.of(new VersionEntry(row.id(), row.version(), row.dateAdded())) : Optional.empty());
            out.addAll(page.items());
            all = all.after(page.next().orElse(null));
        } while (page.more());
        return out;
    }

    /**
     * What the reporting the principal may see says about places between two days (inclusive): for the threat
     * picture. {@code placeIds} narrows it to links to those places (every place when empty); a country-level place
     * among them takes in the reporting about every place in its country. Recorded as a read of every object the
     * answer rests on.
     */
    public PlaceReporting placeReporting(Principal p, LocalDate from, LocalDate to, Set<String> placeIds,
                                         String request) {
        PlaceReporting r = places.read(p, from, to, placeIds);
        audit.recordRead(p, "read-picture", request, r.links().stream().map(PlaceLink::objectId).distinct()
                .toList(), null);
        return r;
    }

    /**
     * How many stories the principal may see about each place, day by day, between two days (inclusive), with the
     * same rules as {@link #placeReporting} but counted from a copy of the place index kept in memory, so that a
     * year at every place costs a pass over arrays. Counts release no object; the request is recorded with its
     * span.
     */
    public PlaceCounts placeCounts(Principal p, LocalDate from, LocalDate to, Set<String> placeIds, String request) {
        PlaceCounts counts = places.counts(p, from, to, placeIds);
        audit.recordRead(p, "read-picture-counts", request, List.of(), "days " + from + " to " + to + ", "
                + counts.stories().size() + " places");
        return counts;
    }

    /**
     * Reads the place index into memory ahead of the first {@link #placeCounts}, which would otherwise wait for it.
     * Nothing leaves the hub, so nothing is recorded.
     */
    public void preparePlaceCounts() {
        places.prepare();
    }

    /** The newest version of one object, as the principal may see it, from any collection they may read. */
    public Optional<ReleasedObject> object(Principal p, String id, String request) {
        List<ReleasedObject> found = newest(p, c -> ObjectQuery.in(c).ids(List.of(id)), 1);
        audit.recordRead(p, "read", request, found.stream().map(ReleasedObject::id).toList(), null);
        return found.stream().findFirst();
    }

    /**
     * The newest version of every object of a type that the principal may see, in every collection they may read,
     * up to {@code max}; an object held in several collections comes once.
     */
    public List<ReleasedObject> objectsOfType(Principal p, String type, int max, String request) {
        List<ReleasedObject> found = newest(p, c -> ObjectQuery.in(c).types(List.of(type)), max);
        audit.recordRead(p, "read", request, found.stream().map(ReleasedObject::id).toList(), null);
        return found;
    }

    /**
     * Like {@link #objectsOfType(Principal, String, int, String)}, for loading what the principal's requests are then
     * answered from (a watchlist screened against): the objects are not handed to the principal, only the answers
     * are, and those are audited when given ({@link #recordScreening}). So the record names at most
     * {@code idsAudited} of the ids and says how many were loaded, instead of listing every one at every load.
     */
    public List<ReleasedObject> objectsOfType(Principal p, String type, int max, String request, int idsAudited) {
        List<ReleasedObject> found = newest(p, c -> ObjectQuery.in(c).types(List.of(type)), max);
        List<String> ids = found.stream().limit(Math.max(0, idsAudited)).map(ReleasedObject::id).toList();
        audit.recordRead(p, "load", request, ids, "loaded " + found.size() + " " + type + " object(s)"
                + (found.size() > ids.size() ? "; the first " + ids.size() + " listed" : ""));
        return found;
    }

    /**
     * The newest version of each object named that the principal may see, from any collection they may read, in
     * one audit record.
     */
    public List<ReleasedObject> objects(Principal p, List<String> ids, String request) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ReleasedObject> found = newest(p, c -> ObjectQuery.in(c).ids(ids), ids.size());
        audit.recordRead(p, "read", request, found.stream().map(ReleasedObject::id).toList(), null);
        return found;
    }

    /**
     * Every version of one object that the principal may see, oldest first, from the collections they may read;
     * a version held in several collections comes once. Nothing when they may not see its newest version.
     */
    public List<ReleasedObject> history(Principal p, String id, String request) {
        Map<String, ReleasedObject> byVersion = new java.util.TreeMap<>();
        for (PlaceReads.Reader r : places.readers(p).values()) {
            CollectionView view = grants.view(p, r.collection());
            ObjectQuery q = ObjectQuery.in(r.collection().id()).ids(List.of(id)).versions(VersionMatch.ALL)
                    .limit(ObjectQuery.MAX_LIMIT).build();
            ObjectsPage<ReleasedObject> page;
            do {
                page = scan(p, view, q, (reader, row) -> view(reader, r.collection(), row));
                page.items().forEach(o -> byVersion.putIfAbsent(java.util.Objects.toString(
                        o.object().text("modified"), ""), o));
                q = q.after(page.next().orElse(null));
            } while (page.more());
        }
        audit.recordRead(p, "read-versions", request, byVersion.isEmpty() ? List.of() : List.of(id), null);
        return List.copyOf(byVersion.values());
    }

    /**
     * The objects the principal may see whose newest version references an object: relationships and sightings
     * that start or end at it, reports, groupings, notes and the like that name it; up to {@code max}, read from
     * the store's reference index, each row decided by the marking policy and each object read as the principal
     * may see it. Recorded as a read of those objects only.
     */
    public List<ReleasedObject> referencing(Principal p, String id, int max, String request) {
        Map<UUID, PlaceReads.Reader> readers = places.readers(p);
        List<org.vigil.store.PlaceQuery.Scope> scopes = new ArrayList<>();
        readers.forEach((cid, r) -> scopes.add(new org.vigil.store.PlaceQuery.Scope(cid,
                MarkingPolicy.audience(r.principal(), r.collection().defaultMarking()))));
        Map<UUID, List<String>> byCollection = new LinkedHashMap<>();
        for (org.vigil.store.SearchQuery.Hit h : store.referencing(scopes, id, Math.min(ObjectQuery.MAX_LIMIT,
                max * 4))) {
            PlaceReads.Reader r = readers.get(h.collectionId());
            if (r != null && r.permits(h.tlp(), h.createdByRef(), h.postedBy(), h.redRecipients())) {
                byCollection.computeIfAbsent(h.collectionId(), k -> new ArrayList<>()).add(h.objectId());
            }
        }
        Map<String, ReleasedObject> out = new LinkedHashMap<>();
        for (Map.Entry<UUID, List<String>> e : byCollection.entrySet()) {
            PlaceReads.Reader r = readers.get(e.getKey());
            CollectionView view = grants.view(p, r.collection());
            List<String> ids = e.getValue();
            for (int i = 0; i < ids.size() && out.size() < max; i += ID_CHUNK) {
                ObjectQuery q = ObjectQuery.in(e.getKey()).ids(ids.subList(i, Math.min(ids.size(), i + ID_CHUNK)))
                        .limit(ObjectQuery.MAX_LIMIT).build();
                ObjectsPage<ReleasedObject> page;
                do {
                    page = scan(p, view, q, (reader, row) -> view(reader, r.collection(), row));
                    for (ReleasedObject o : page.items()) {
                        if (out.size() < max && refersTo(o.object(), id)) {
                            out.putIfAbsent(o.id(), o);
                        }
                    }
                    q = q.after(page.next().orElse(null));
                } while (page.more());
            }
        }
        List<ReleasedObject> found = List.copyOf(out.values());
        audit.recordRead(p, "read", request, found.stream().map(ReleasedObject::id).toList(), null);
        return found;
    }

    /** Whether one of an object's references (markings and creator aside) names {@code id}. */
    private static boolean refersTo(org.vigil.stix.StixObject o, String id) {
        for (String prop : o.propertyNames()) {
            if (prop.equals("object_marking_refs") || prop.equals("created_by_ref")) {
                continue;
            }
            if ((prop.endsWith("_ref") && id.equals(o.text(prop))) || (prop.endsWith("_refs")
                    && o.texts(prop).contains(id))) {
                return true;
            }
        }
        return false;
    }

    /** A page of search results: each object the reader may see once, with its effective TLP, newest first. */
    public record SearchPage(List<Found> found, boolean more) {
    }

    /** An object search found; {@code position} is where a next page would continue. */
    public record Found(String id, String type, String name, Tlp tlp, Instant modified,
                        org.vigil.store.SearchQuery.Position position) {
    }

    /**
     * Full-text search over the objects the principal may see, in every collection they may read: each index
     * row is decided by the marking policy as the object itself would be, so hidden objects neither appear nor
     * count. {@code markings} narrows to objects of those TLP levels (empty for all). Recorded as a read of the
     * objects found.
     */
    public SearchPage search(Principal p, List<String> words, List<String> types, Set<Tlp> markings, Instant from,
                             Instant to, org.vigil.store.SearchQuery.Position after, int limit, String request) {
        return search(p, words, new SearchFilter(types, markings, from, to, List.of(), List.of()), after, limit,
                request);
    }

    /**
     * What a search narrows to; each list or set empty for no narrowing.
     *
     * @param places ids (locations, say) the object's newest version must reference, one of them
     * @param sources identities one of which must have created the object (its created_by_ref)
     */
    public record SearchFilter(List<String> types, Set<Tlp> markings, Instant from, Instant to, List<String> places,
                               List<String> sources) {
        public SearchFilter {
            types = List.copyOf(types);
            markings = Set.copyOf(markings);
            places = List.copyOf(places);
            sources = List.copyOf(sources);
        }
    }

    /**
     * Full-text search as {@link #search(Principal, List, List, Set, Instant, Instant,
     * org.vigil.store.SearchQuery.Position, int, String)}, also by place and source. A filter only narrows what
     * the reader may see: each row is still decided by the marking policy, and a place matches only through the
     * object's own references, so no filter tells of a hidden object or a hidden link. A place that names a country
     * and nothing finer also matches the places in that country the reader may see (the roll-up).
     */
    public SearchPage search(Principal p, List<String> words, SearchFilter filter,
                             org.vigil.store.SearchQuery.Position after, int limit, String request) {
        List<String> types = filter.types();
        Set<Tlp> markings = filter.markings();
        Map<UUID, PlaceReads.Reader> readers = places.readers(p);
        List<org.vigil.store.PlaceQuery.Scope> scopes = new ArrayList<>();
        readers.forEach((id, r) -> scopes.add(new org.vigil.store.PlaceQuery.Scope(id,
                MarkingPolicy.audience(r.principal(), r.collection().defaultMarking()))));
        List<String> placeIds = places.rolledUp(readers, filter.places());
        Map<String, Found> out = new LinkedHashMap<>();
        org.vigil.store.SearchQuery.Position cursor = after;
        int batch = Math.min(ObjectQuery.MAX_LIMIT, Math.max(50, limit * 2));
        boolean more = false;
        while (true) {
            List<org.vigil.store.SearchQuery.Hit> hits = store.search(new org.vigil.store.SearchQuery(words, scopes,
                    types, filter.from(), filter.to(), cursor, batch, placeIds, filter.sources()));
            for (org.vigil.store.SearchQuery.Hit h : hits) {
                cursor = h.position();
                PlaceReads.Reader r = readers.get(h.collectionId());
                Tlp level = h.tlp() != null ? h.tlp() : r == null ? null : r.collection().defaultMarking();
                if (r == null || !r.permits(h.tlp(), h.createdByRef(), h.postedBy(), h.redRecipients())
                        || (!markings.isEmpty() && !markings.contains(level)) || out.containsKey(h.objectId())) {
                    continue;
                }
                if (out.size() == limit) {
                    more = true;
                    break;
                }
                out.put(h.objectId(), new Found(h.objectId(), h.type(), h.name(), level, h.modified(), h.position()));
            }
            if (more || hits.size() < batch) {
                break;
            }
        }
        List<Found> found = List.copyOf(out.values());
        audit.recordRead(p, "search", request, found.stream().map(Found::id).toList(), null);
        return new SearchPage(found, more);
    }

    private List<ReleasedObject> newest(Principal p, java.util.function.Function<UUID, ObjectQuery.Builder> query,
                                        int max) {
        Map<String, ReleasedObject> out = new LinkedHashMap<>();
        for (CollectionView view : readableCollections(p)) {
            ObjectQuery q = query.apply(view.collection().id()).limit(Math.min(max + 1, ObjectQuery.MAX_LIMIT))
                    .build();
            ObjectsPage<ReleasedObject> page;
            do {
                page = scan(p, view, q, (reader, row) -> view(reader, view.collection(), row));
                page.items().forEach(o -> out.putIfAbsent(o.id(), o));
                q = q.after(page.next().orElse(null));
            } while (page.more() && out.size() < max);
            if (out.size() >= max) {
                break;
            }
        }
        return out.values().stream().limit(max).toList();
    }

    /**
     * Records that a user was refused a collection (it is hidden from them, or they may not read or write it).
     * Nothing was released, so no ids; the record says who tried what, and what they were told.
     */
    public void recordRefusal(Principal p, String request, String answer) {
        audit.recordRead(p, "refused", request, List.of(), answer);
    }

    /**
     * Records a screening of names against the persons of interest the principal may see: the query (the names
     * screened) and the ids of the persons it matched, the only ones the answer releases.
     */
    public void recordScreening(Principal p, String request, String query, List<String> matchedIds) {
        audit.recordRead(p, "screen", request, matchedIds, query);
    }

    /** A status resource, only to the user whose request it describes. */
    public Optional<Status> status(Principal p, String apiRoot, UUID id) {
        if (p.isAnonymous()) {
            return Optional.empty();
        }
        return store.status(id).filter(s -> s.apiRoot().equals(apiRoot) && p.userId().equals(s.userId()));
    }

    /**
     * Fills a page with visible items, reading the store in batches until the page is full and one more visible
     * item proves there is more, or the store runs out.
     */
    private <T> ObjectsPage<T> scan(Principal p, CollectionView c, ObjectQuery q,
                                    BiFunction<Principal, StoredObject, Optional<T>> visible) {
        if (!c.canRead()) {
            return new ObjectsPage<>(List.of(), false, Optional.empty(), null, null);
        }
        Principal reader = c.viaPublic() ? Principal.anonymous() : p;
        int limit = q.limit();
        List<T> items = new ArrayList<>(Math.min(limit, ObjectQuery.MAX_LIMIT));
        String first = null;
        String last = null;
        Cursor cursor = q.after();
        int batch = Math.min(ObjectQuery.MAX_LIMIT, limit + 1);
        boolean onlyNewest = q.versions().equals(VersionMatch.LAST);
        Audience audience = MarkingPolicy.audience(reader, c.collection().defaultMarking());
        while (true) {
            Page<StoredObject> page = store.objects(q.toBuilder().limit(batch).after(cursor).audience(audience).build());
            Set<String> withdrawn = onlyNewest ? Set.of() : withdrawn(reader, c.collection(), q, page.items());
            for (StoredObject row : page.items()) {
                if (withdrawn.contains(row.id())) {
                    continue;
                }
                Optional<T> item = visible.apply(reader, row);
                if (item.isEmpty()) {
                    continue;
                }
                if (items.size() == limit) {
                    return new ObjectsPage<>(items, true, Optional.of(cursorAt(last)), first, last);
                }
                items.add(item.get());
                first = first == null ? row.dateAdded() : first;
                last = row.dateAdded();
            }
            if (!page.more()) {
                return new ObjectsPage<>(items, false, Optional.empty(), first, last);
            }
            cursor = page.next().orElseThrow();
        }
    }

    /**
     * The objects of a batch whose newest version the reader may not see. Such an object is hidden whole: when a
     * source raises an object's marking in a new version, its earlier versions must stop reaching those the new
     * marking excludes, and their presence must not betray that a newer version exists.
     */
    private Set<String> withdrawn(Principal reader, Collection c, ObjectQuery q, List<StoredObject> rows) {
        List<String> ids = rows.stream().map(StoredObject::id).distinct().toList();
        Set<String> hidden = new java.util.HashSet<>();
        for (int i = 0; i < ids.size(); i += ID_CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + ID_CHUNK));
            ObjectQuery newest = ObjectQuery.in(c.id()).ids(chunk).specVersions(q.specVersions())
                    .versions(VersionMatch.LAST).limit(Math.min(ObjectQuery.MAX_LIMIT, chunk.size() * 4)).build();
            for (Page<StoredObject> page = store.objects(newest); ; page = store.objects(newest.after(page.next().get()))) {
                for (StoredObject row : page.items()) {
                    if (!sees(reader, c, row)) {
                        hidden.add(row.id());
                    }
                }
                if (!page.more()) {
                    break;
                }
            }
        }
        return hidden;
    }

    static Cursor cursorAt(String dateAdded) {
        Instant t = Instant.parse(dateAdded);
        return Cursor.afterMicros(ChronoUnit.MICROS.between(Instant.EPOCH, t));
    }

    /** Whether the reader may know this version exists; parses the object only for RED recipients. */
    private static boolean sees(Principal reader, Collection c, StoredObject row) {
        Tlp level = row.tlp() != null ? row.tlp() : c.defaultMarking();
        Set<String> recipients = level == Tlp.RED ? RedRecipients.of(row.object()) : Set.of();
        return MarkingPolicy.permits(reader, level, row.createdByRef(), row.postedBy(), recipients);
    }

    /** The object as the reader may see it; only granular markings make it worth parsing. */
    private static Optional<ReleasedObject> view(Principal reader, Collection c, StoredObject row) {
        if (!sees(reader, c, row)) {
            return Optional.empty();
        }
        if (!row.granularMarkings()) {
            return Optional.of(new ReleasedObject(row.id(), row.json()));
        }
        return MarkingPolicy.view(reader, row.object(), new MarkingPolicy.Source(row.postedBy(), c.defaultMarking()))
                .map(o -> new ReleasedObject(o.id(), o.toJson()));
    }
}
