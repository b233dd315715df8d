package org.vigil.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.vigil.access.CollectionView;
import org.vigil.access.ObjectsPage;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.ReleasedObject;
import org.vigil.access.WritePath;
import org.vigil.picture.Event;
import org.vigil.stix.StixObject;
import org.vigil.store.Collection;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Role;
import org.vigil.store.Status;
import org.vigil.store.Store;

/**
 * The travel-alert workflow: draft, review, publish, update, cancel. Drafts wait in a private collection until a
 * second person reviews them (the four-eyes rule: the reviewer must differ from the drafter, whatever rights either
 * holds, so that no one, publisher or admin, puts their own words before the public alone); only a reviewed draft
 * may be published, by a holder of the publisher right, who may be its drafter or its reviewer. Updates and
 * cancellations of a published alert go out at once on a publisher's word, since a warning that must rise or end
 * cannot wait for a second reader. Published
 * messages go, through the write path, to the public TLP:CLEAR collection that TAXII partners, the CAP endpoint
 * and the Atom feed read. Because alerts are public, every place and piece of evidence they cite must itself be
 * visible to the public (checked through the read path as an anonymous reader, at drafting and again at
 * publication); a refusal names only what the author typed.
 */
public final class AlertDesk {

    /** The radius of the circle around a location that gives no precision, in kilometres. */
    static final double DEFAULT_RADIUS_KM = 10;
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(14);

    private final ReadPath reads;
    private final WritePath writes;
    private final Store store;
    private final String apiRoot;
    private final Clock clock;

    /**
     * @param store used for the publisher right and to name the collections; never for objects, which go through
     *     the read and write paths
     */
    public AlertDesk(ReadPath reads, WritePath writes, Store store, String apiRoot, Clock clock) {
        this.reads = reads;
        this.writes = writes;
        this.store = store;
        this.apiRoot = apiRoot;
        this.clock = clock;
    }

    /** Makes the two alert collections and publishes the type's definition, if not done yet. */
    public static void install(Store store, String apiRoot) {
        if (store.collection(AlertSchema.PUBLISHED).isEmpty()) {
            store.putCollection(AlertSchema.published(apiRoot));
            store.add(AlertSchema.PUBLISHED, List.of(AlertSchema.definition()));
        }
        if (store.collection(AlertSchema.DRAFTS).isEmpty()) {
            store.putCollection(AlertSchema.drafts(apiRoot));
        }
    }

    /** Stores a new draft written by {@code author}; it is not public until a publisher publishes it. */
    public Alert draft(Principal author, AlertDraft d, String via) {
        if (author.isAnonymous() || author.role() == Role.READER) {
            throw new AlertRefusal(403, "drafting alerts needs an analyst or admin account; " + author
                    + " may only read");
        }
        if (d.places().isEmpty()) {
            throw new AlertRefusal("name at least one place (--place): a location id or the name of a location");
        }
        if (d.level() == null) {
            throw new AlertRefusal("give the advisory level (--level 1 to 4)");
        }
        require(d.headline(), "headline");
        require(d.description(), "description");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Area> areas = places(author, d.places(), via);
        checkEvidence(author, d.evidence(), via);
        String stamp = AlertTimes.stix(clock.instant());
        Duration lifetime = d.expiresIn() == null ? DEFAULT_LIFETIME : d.expiresIn();
        Alert alert = new Alert(AlertSchema.TYPE + "--" + UUID.randomUUID(), Alert.Kind.ALERT, false,
                Level.of(d.level()), d.headline().strip(), d.description().strip(), blankToNull(d.instruction()),
                risks(d.risks()), areas.stream().map(Area::placeRef).toList(), d.evidence(), areas, now,
                now.plus(lifetime), null, List.of(), author.organisationIdentity(), stamp, stamp,
                author.userId().toString(), null);
        store(author, AlertSchema.DRAFTS, alert, via);
        return alert;
    }

    /**
     * Records that {@code reviewer} read a draft and approves it for publication. The reviewer must be an analyst
     * or admin of the drafter's organisation (the draft is visible to no one else) and must not be its drafter.
     */
    public Alert review(Principal reviewer, String draftId, String via) {
        if (reviewer.isAnonymous() || reviewer.role() == Role.READER) {
            throw new AlertRefusal(403, "reviewing alerts needs an analyst or admin account; " + reviewer
                    + " may only read");
        }
        if (publishedMessage(draftId, via).isPresent()) {
            throw new AlertRefusal(409, draftId + " is already published; there is nothing left to review");
        }
        Alert draft = draftMessage(reviewer, draftId, via).orElseThrow(() -> AlertRefusal.notFound(draftId));
        if (draft.reviewedBy() != null) {
            throw new AlertRefusal(409, draftId + " was already reviewed by " + userName(draft.reviewedBy())
                    + "; a publisher may now publish it (vigil alert publish " + draftId + ")");
        }
        if (reviewer.userId().toString().equals(draft.draftedBy())) {
            throw new AlertRefusal(403, "the four-eyes rule: " + reviewer + " drafted " + draftId + " and may not "
                    + "review it too; ask another analyst of your organisation to review it");
        }
        // A new version of the draft must be strictly newer, even when the review follows within the millisecond.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant drafted = Instant.parse(draft.modified());
        Alert reviewed = draft.asReviewed(reviewer.userId().toString(),
                AlertTimes.stix(now.isAfter(drafted) ? now : drafted.plusMillis(1)));
        store(reviewer, AlertSchema.DRAFTS, reviewed, via);
        return reviewed;
    }

    /** A user's name for people to read, from the id an alert keeps; "a former user" once they are gone. */
    public String userName(String userId) {
        if (userId == null) {
            return null;
        }
        try {
            return store.user(UUID.fromString(userId)).map(org.vigil.store.User::name).orElse("a former user");
        } catch (IllegalArgumentException e) {
            return "a former user";
        }
    }

    /** Publishes a draft: it becomes a public CAP Alert, in the feed and in the public collection. */
    public Alert publish(Principal publisher, String draftId, String via) {
        requirePublisher(publisher);
        if (publishedMessage(draftId, via).isPresent()) {
            throw new AlertRefusal(409, draftId + " is already published; to change it, use vigil alert update "
                    + draftId);
        }
        Alert draft = draftMessage(publisher, draftId, via).orElseThrow(() -> AlertRefusal.notFound(draftId));
        if (draft.reviewedBy() == null) {
            throw new AlertRefusal(409, draftId + " has not been reviewed; publishing needs a reviewed draft. Someone "
                    + "other than its drafter reviews it first: vigil alert review " + draftId + " --user NAME");
        }
        // The places may have changed since the draft was written; what goes out must be public now.
        requirePublic(draft.placeRefs(), "place", via);
        requirePublic(draft.evidenceRefs(), "evidence", via);
        Instant now = clock.instant();
        Alert published = draft.asPublished(now.truncatedTo(ChronoUnit.SECONDS), AlertTimes.stix(now));
        store(publisher, AlertSchema.PUBLISHED, published, via);
        return published;
    }

    /** Publishes an update of a published message, replacing it; what {@code changes} leaves out is kept. */
    public Alert update(Principal publisher, String id, AlertDraft changes, String via) {
        requirePublisher(publisher);
        Alert old = replaceable(id, via);
        List<Area> areas = changes.places().isEmpty() ? old.areas() : places(publisher, changes.places(), via);
        List<String> evidence = changes.evidence().isEmpty() ? old.evidenceRefs() : changes.evidence();
        checkEvidence(publisher, evidence, via);
        Instant now = clock.instant();
        Instant effective = now.truncatedTo(ChronoUnit.SECONDS);
        Alert update = new Alert(newId(), Alert.Kind.UPDATE, true,
                changes.level() == null ? old.level() : Level.of(changes.level()),
                or(changes.headline(), old.headline()), or(changes.description(), old.description()),
                changes.instruction() == null ? old.instruction() : blankToNull(changes.instruction()),
                changes.risks().isEmpty() ? old.risks() : risks(changes.risks()),
                areas.stream().map(Area::placeRef).toList(), evidence, areas, effective,
                changes.expiresIn() == null ? old.expires() : effective.plus(changes.expiresIn()), effective,
                chain(old), publisher.organisationIdentity(), AlertTimes.stix(now), AlertTimes.stix(now), null, null);
        store(publisher, AlertSchema.PUBLISHED, update, via);
        return update;
    }

    /**
     * Publishes a cancellation of a published message. It expires when the cancelled message would have, so that
     * the feed carries it until then and receivers learn of it.
     */
    public Alert cancel(Principal publisher, String id, String reason, String via) {
        requirePublisher(publisher);
        Alert old = replaceable(id, via);
        Instant now = clock.instant();
        Instant sent = now.truncatedTo(ChronoUnit.SECONDS);
        String why = reason == null || reason.isBlank() ? "This travel advisory is cancelled." : reason.strip();
        Alert cancel = new Alert(newId(), Alert.Kind.CANCEL, true, old.level(), "Cancelled: " + old.headline(), why,
                null, old.risks(), old.placeRefs(), old.evidenceRefs(), old.areas(), sent,
                old.expires().isAfter(sent) ? old.expires() : sent.plus(Duration.ofDays(1)), sent, chain(old),
                publisher.organisationIdentity(), AlertTimes.stix(now), AlertTimes.stix(now), null, null);
        store(publisher, AlertSchema.PUBLISHED, cancel, via);
        return cancel;
    }

    /** The drafts {@code reader} may see that are not published yet, then every published message; oldest first. */
    public List<Alert> list(Principal reader, String via) {
        Map<String, Alert> out = new LinkedHashMap<>();
        if (!reader.isAnonymous()) {
            for (Alert a : all(reader, AlertSchema.DRAFTS, via)) {
                out.put(a.id(), a);
            }
        }
        for (Alert a : published(via)) {
            out.put(a.id(), a);
        }
        return out.values().stream().sorted(Comparator.comparing(Alert::created)).toList();
    }

    /** Every published message, oldest first, as the public sees them. */
    public List<Alert> published(String via) {
        return all(Principal.anonymous(), AlertSchema.PUBLISHED, via);
    }

    /** One published message, as the public sees it. */
    public Optional<Alert> publishedMessage(String id, String via) {
        if (!id.startsWith(AlertSchema.TYPE + "--")) {
            return Optional.empty();
        }
        return one(Principal.anonymous(), AlertSchema.PUBLISHED, id, via);
    }

    /**
     * What receivers should hold now, newest first: the last message of each advisory, while it has not expired
     * (a cancellation included, until the advisory it cancels would have expired).
     */
    public List<Alert> current(String via) {
        List<Alert> all = published(via);
        java.util.Set<String> replaced = new java.util.HashSet<>();
        all.forEach(a -> replaced.addAll(a.replaces()));
        Instant now = clock.instant();
        return all.stream().filter(a -> !replaced.contains(a.id()) && a.currentAt(now))
                .sorted(Comparator.comparing(Alert::sent).thenComparing(Alert::id).reversed()).toList();
    }

    /** Whether a user holds the publisher right. */
    public boolean isPublisher(Principal p) {
        return !p.isAnonymous() && store.isPublisher(p.userId());
    }

    private void requirePublisher(Principal p) {
        if (!isPublisher(p)) {
            throw new AlertRefusal(403, "publishing alerts needs the publisher right, which " + p + " does not hold;"
                    + " an administrator gives it with: vigil user set " + p + " --publisher");
        }
    }

    /** A published message that has not been replaced and is not itself a cancellation. */
    private Alert replaceable(String id, String via) {
        Alert old = publishedMessage(id, via).orElseThrow(() -> new AlertRefusal(404, "no published alert " + id
                + "; publish a draft first (vigil alert publish), or see vigil alert list"));
        if (old.kind() == Alert.Kind.CANCEL) {
            throw new AlertRefusal(409, id + " is a cancellation; to warn again, draft a new alert");
        }
        for (Alert a : published(via)) {
            if (id.equals(a.replacesDirectly())) {
                throw new AlertRefusal(409, id + " was already replaced by " + a.id() + "; act on " + a.id()
                        + " instead");
            }
        }
        return old;
    }

    private static List<String> chain(Alert old) {
        List<String> out = new ArrayList<>(old.replaces());
        out.add(old.id());
        return out;
    }

    private void store(Principal p, UUID collection, Alert alert, String via) {
        Collection c = store.collection(collection).orElseThrow(() -> new IllegalStateException("the collection "
                + collection + " of travel alerts is missing; it is made when the hub opens"));
        // The desk is the authority over its own collections: the rights were checked above, so it writes as a
        // writer of the collection without per-user grants.
        Status s = writes.add(p, new CollectionView(c, true, true, false), List.of(WritePath.Item.of(alert.toStix())),
                via);
        if (s.failureCount() > 0) {
            throw new IllegalStateException("the alert " + alert.id() + " was refused by the write path: "
                    + s.failures().get(0).message());
        }
    }

    private List<Alert> all(Principal p, UUID collection, String via) {
        List<Alert> out = new ArrayList<>();
        Optional<Collection> c = store.collection(collection);
        if (c.isEmpty()) {
            return out;
        }
        CollectionView view = new CollectionView(c.get(), true, false, c.get().isPublic() && p.isAnonymous());
        ObjectQuery q = ObjectQuery.in(collection).types(AlertSchema.TYPE).limit(ObjectQuery.MAX_LIMIT).build();
        ObjectsPage<ReleasedObject> page;
        do {
            page = reads.objects(p, view, q, via);
            page.items().forEach(o -> out.add(Alert.fromStix(o.object())));
            q = q.after(page.next().orElse(null));
        } while (page.more());
        return out;
    }

    private Optional<Alert> one(Principal p, UUID collection, String id, String via) {
        Optional<Collection> c = store.collection(collection);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        CollectionView view = new CollectionView(c.get(), true, false, c.get().isPublic() && p.isAnonymous());
        return reads.objects(p, view, ObjectQuery.in(collection).ids(id).build(), via).items().stream().findFirst()
                .map(o -> Alert.fromStix(o.object()));
    }

    private Optional<Alert> draftMessage(Principal p, String id, String via) {
        return id.startsWith(AlertSchema.TYPE + "--") ? one(p, AlertSchema.DRAFTS, id, via) : Optional.empty();
    }

    /**
     * The areas of the places an author names, each one the author may see and the public may see too. An event
     * stands for its venues: the event and each venue must be public.
     */
    private List<Area> places(Principal author, List<String> refs, String via) {
        Map<String, Area> out = new LinkedHashMap<>();
        for (String ref : refs) {
            for (String place : venues(author, ref.strip(), via)) {
                StixObject location = location(author, place, via);
                requirePublic(List.of(location.id()), "place", place.equals(ref.strip()) ? ref : place, via);
                out.putIfAbsent(location.id(), area(location));
            }
        }
        return List.copyOf(out.values());
    }

    /** A place as given, or an event's venues. */
    private List<String> venues(Principal author, String ref, String via) {
        if (!ref.startsWith(Event.TYPE + "--")) {
            return List.of(ref);
        }
        Event event = PlaceFinder.byId(reads, store, apiRoot, author, ref, via).flatMap(Event::fromStix)
                .orElseThrow(() -> new AlertRefusal("no event " + ref + " that you may see (--place)"));
        requirePublic(List.of(event.id()), "event", ref, via);
        return event.venues();
    }

    private void checkEvidence(Principal author, List<String> ids, String via) {
        for (String id : ids) {
            if (PlaceFinder.byId(reads, store, apiRoot, author, id, via).isEmpty()) {
                throw new AlertRefusal("no object " + id + " that you may see (--evidence)");
            }
        }
        requirePublic(ids, "evidence", via);
    }

    private void requirePublic(List<String> ids, String what, String via) {
        for (String id : ids) {
            requirePublic(List.of(id), what, id, via);
        }
    }

    private void requirePublic(List<String> ids, String what, String asGiven, String via) {
        for (String id : ids) {
            if (PlaceFinder.byId(reads, store, apiRoot, Principal.anonymous(), id, via).isEmpty()) {
                throw new AlertRefusal("the " + what + " '" + asGiven + "' is not public, and travel alerts are "
                        + "public: they may cite only TLP:CLEAR objects in a public collection. Cite a public "
                        + what + " instead, or have its source share it as TLP:CLEAR in a public collection");
            }
        }
    }

    private StixObject location(Principal author, String ref, String via) {
        if (ref.startsWith("location--")) {
            return PlaceFinder.byId(reads, store, apiRoot, author, ref, via).filter(o -> o.type().equals("location"))
                    .orElseThrow(() -> new AlertRefusal("no location " + ref + " that you may see (--place)"));
        }
        List<StixObject> named = PlaceFinder.locationsNamed(reads, store, apiRoot, author, ref, via);
        if (named.isEmpty()) {
            throw new AlertRefusal("no location named '" + ref + "' that you may see (--place); give its id "
                    + "(location--...) or its exact name");
        }
        if (named.stream().map(StixObject::id).distinct().count() > 1) {
            throw new AlertRefusal("more than one location is named '" + ref + "' (" + String.join(", ",
                    named.stream().map(StixObject::id).distinct().toList()) + "); give the id instead");
        }
        return named.get(0);
    }

    static Area area(StixObject location) {
        Double lat = location.property("latitude").filter(n -> n.isNumber()).map(n -> n.asDouble()).orElse(null);
        Double lon = location.property("longitude").filter(n -> n.isNumber()).map(n -> n.asDouble()).orElse(null);
        double radius = location.property("precision").filter(n -> n.isNumber()).map(n -> n.asDouble() / 1000)
                .filter(km -> km > 0).orElse(DEFAULT_RADIUS_KM);
        String name = Optional.ofNullable(location.text("name")).or(() -> Optional.ofNullable(location.text("city")))
                .or(() -> Optional.ofNullable(location.text("country"))).orElse(location.id());
        String country = location.text("country");
        return new Area(location.id(), name, lat, lon, radius,
                country == null ? null : country.toUpperCase(Locale.ROOT));
    }

    private static String newId() {
        return AlertSchema.TYPE + "--" + UUID.randomUUID();
    }

    private static List<String> risks(List<String> risks) {
        return risks.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).filter(r -> !r.isEmpty()).distinct()
                .toList();
    }

    private static void require(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new AlertRefusal("give the " + what + " (--" + what + " TEXT)");
        }
    }

    private static String or(String given, String kept) {
        return given == null || given.isBlank() ? kept : given.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
