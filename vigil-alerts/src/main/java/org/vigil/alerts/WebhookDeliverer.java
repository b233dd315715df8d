package org.vigil.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.CollectionView;
import org.vigil.access.ObjectsPage;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.ReleasedObject;
import org.vigil.picture.Picture;
import org.vigil.store.Collection;
import org.vigil.store.Cursor;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Organisation;
import org.vigil.store.Store;
import org.vigil.store.User;
import org.vigil.store.VersionMatch;
import org.vigil.store.Webhook;

/**
 * Delivers webhook notifications in the background, at least once. The queue is the store itself: each
 * subscription keeps a cursor per collection over date_added, moved only after its receiver acknowledged
 * everything before it, so a notification survives kill -9 anywhere between the acknowledged write and the
 * delivery, and writers never wait for receivers. Subscriptions read through the read path as their user (so they
 * carry only what that user may see, and each read is audited as theirs); the subscriptions of one user with the
 * same types share each read, and each receives, in order, what lies past its own cursor. A failed delivery is
 * retried with exponential backoff and jitter, and after a day of failures the subscription is marked failing and
 * left alone.
 *
 * <p>Deliveries must not cost writers (TAXII POST) their throughput: each poll first reads every collection's
 * newest date_added in one small query and wakes only the subscriptions whose collections have something new
 * (idle ones cost nothing); two sender threads at most; and while writes keep arriving each works only part of
 * the time (see {@link #WHILE_WRITING}), catching up at full speed once they pause.
 */
public final class WebhookDeliverer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final int BATCH = 500;
    /** A smaller page while writes keep arriving, so that each read is a short step between rests. */
    private static final int BATCH_WHILE_WRITING = 50;
    static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final long MICROS_A_DAY = 86_400_000_000L;
    /** The most days of upticks a subscription catches up on after being down. */
    private static final int UPTICK_CATCH_UP = 30;
    /**
     * The share of its time the sender works while collections keep receiving objects: after each page it rests
     * for (1 - share) / share times as long as the page took, leaving the cores to the writers.
     */
    static final double WHILE_WRITING = 0.1;
    /** Sender threads: two, so that one receiver slow to time out does not hold up every other. */
    private static final int SENDERS = 2;
    /** Subscriptions named in the audit record of a shared read; a crowd is counted beyond these. */
    private static final int AUDIT_NAMES = 10;
    /** The shortest rest worth a sleep; shorter debts are carried over. */
    private static final long SHORTEST_REST_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** How long a node may deliver to one user's subscriptions before another may take them over. */
    private static final Duration LEASE = Duration.ofMinutes(5);

    /** This deliverer among the nodes sharing the store. */
    private final String node = "webhooks-" + UUID.randomUUID();
    private final ReadPath reads;
    private final Store store;
    private final String apiRoot;
    private final Clock clock;
    private final HttpClient http;
    private final Picture picture;
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    /** Per subscription, the newest date_added of each collection it had fully caught up with at its last pass. */
    private final Map<UUID, Map<UUID, Long>> caughtUp = new ConcurrentHashMap<>();
    /** Per subscription, the UTC day its upticks were last looked at. */
    private final Map<UUID, LocalDate> upticksChecked = new ConcurrentHashMap<>();
    private volatile Map<UUID, Long> newestBefore = Map.of();
    private volatile boolean writing;
    private final ScheduledExecutorService ticker;
    private final ExecutorService senders;

    /** Starts delivering, looking for new work every {@code poll}. */
    public WebhookDeliverer(ReadPath reads, Store store, String apiRoot, Clock clock, Duration poll) {
        this.reads = reads;
        this.store = store;
        this.apiRoot = apiRoot;
        this.clock = clock;
        this.picture = new Picture(reads, clock);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.senders = Executors.newFixedThreadPool(SENDERS, r -> daemon(r, "vigil-webhook-sender"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vigil-webhook-ticker"));
        ticker.scheduleWithFixedDelay(this::tick, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            Map<UUID, Long> newest = newest();
            writing = !newest.equals(newestBefore) && !newestBefore.isEmpty();
            newestBefore = newest;
            Map<List<Object>, List<UUID>> groups = new LinkedHashMap<>();
            List<Webhook> all = store.webhooks();
            Set<UUID> present = new java.util.HashSet<>();
            all.forEach(w -> present.add(w.id()));
            caughtUp.keySet().retainAll(present);
            upticksChecked.keySet().retainAll(present);
            for (Webhook w : all) {
                if (!w.failing() && !w.nextAttempt().isAfter(now) && !busy.contains(w.id()) && due(w, newest, now)) {
                    groups.computeIfAbsent(List.of(w.userId(), w.types()), k -> new ArrayList<>()).add(w.id());
                }
            }
            Map<UUID, UUID> userOf = new HashMap<>();
            all.forEach(w -> userOf.put(w.id(), w.userId()));
            for (Map.Entry<List<Object>, List<UUID>> g : groups.entrySet()) {
                List<UUID> group = g.getValue();
                String lease = "webhooks of " + g.getKey().get(0) + " for "
                        + new java.util.TreeSet<>((java.util.Collection<?>) g.getKey().get(1));
                busy.addAll(group);
                senders.execute(() -> {
                    try {
                        // Of several nodes, the one holding the lease delivers; the others pass over the group.
                        store.underLease(lease, node, clock.instant().plus(LEASE), () -> deliver(group, newest));
                    } catch (RuntimeException e) {
                        LOG.warn("delivering to {} webhooks of user {} failed; trying again shortly: {}", group.size(),
                                userOf.get(group.get(0)), e.getMessage());
                    } finally {
                        group.forEach(busy::remove);
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("looking for webhook deliveries failed; trying again shortly: {}", e.getMessage());
        }
    }

    private Map<UUID, Long> newest() {
        Map<UUID, Long> out = new HashMap<>();
        store.lastAdded(apiRoot).forEach((c, cursor) -> out.put(c, cursor.dateAddedMicros()));
        return out;
    }

    /** Whether a subscription may have something to send: a retry, a new day of upticks, or a new object. */
    private boolean due(Webhook w, Map<UUID, Long> newest, Instant now) {
        if (w.failures() > 0) {
            return true;
        }
        if (w.events().contains(Webhooks.UPTICK_FLAGGED)
                && !LocalDate.ofInstant(now, ZoneOffset.UTC).equals(upticksChecked.get(w.id()))) {
            return true;
        }
        Map<UUID, Long> seen = caughtUp.getOrDefault(w.id(), Map.of());
        return newest.entrySet().stream().anyMatch(e -> candidate(w, e.getKey())
                && e.getValue() > seen.getOrDefault(e.getKey(), -1L));
    }

    /** Whether a subscription would watch a collection, its user permitting. */
    private static boolean candidate(Webhook w, UUID c) {
        boolean alerts = c.equals(AlertSchema.PUBLISHED) && w.events().contains(Webhooks.ALERT_PUBLISHED);
        // Watchlist hits are filed beside the person of interest, wherever that is.
        boolean hits = w.events().contains(Webhooks.WATCHLIST_HIT);
        return (alerts || objectsWanted(w, c) || hits) && !c.equals(AlertSchema.DRAFTS);
    }

    /** Whether a subscription wants object.added from a collection. */
    private static boolean objectsWanted(Webhook w, UUID collection) {
        return w.events().contains(Webhooks.OBJECT_ADDED) && (w.collections().isEmpty()
                || w.collections().contains(collection));
    }

    /**
     * The types a shared read of a collection must cover for a group, or empty for every type: only sightings for
     * a subscription that watches the collection for watchlist hits alone, its own types (and sightings, if it wants
     * hits) otherwise.
     */
    private static List<String> queryTypes(List<Webhook> members, UUID c) {
        java.util.Set<String> types = new java.util.LinkedHashSet<>();
        for (Webhook w : members) {
            if (!objectsWanted(w, c) && !c.equals(AlertSchema.PUBLISHED)) {
                types.add("sighting");
            } else if (w.types().isEmpty()) {
                return List.of();
            } else {
                types.addAll(w.types());
                if (w.events().contains(Webhooks.WATCHLIST_HIT)) {
                    types.add("sighting");
                }
            }
        }
        return List.copyOf(types);
    }

    /** Delivers whatever one subscription has pending, in order, until it is done or a delivery fails. */
    void deliver(UUID webhookId) {
        deliver(List.of(webhookId), newest());
    }

    /**
     * Delivers what the subscriptions of one user (with the same types) have pending: each watched collection is
     * read once for all of them, from the earliest cursor, and each gets what lies past its own.
     */
    void deliver(List<UUID> ids) {
        deliver(ids, newest());
    }

    private void deliver(List<UUID> ids, Map<UUID, Long> newest) {
        List<Webhook> group = new ArrayList<>();
        ids.forEach(id -> store.webhook(id).filter(w -> !w.failing()).ifPresent(group::add));
        if (group.isEmpty()) {
            return;
        }
        Optional<Principal> owner = principal(group.get(0).userId());
        if (owner.isEmpty()) {
            return;
        }
        Map<UUID, String> errors = new LinkedHashMap<>();
        for (CollectionView view : watched(group, owner.get())) {
            List<Webhook> members = group.stream().filter(w -> !errors.containsKey(w.id())
                    && candidate(w, view.collection().id())).toList();
            if (!members.isEmpty()) {
                drain(members, owner.get(), view, errors);
            }
        }
        for (Webhook w : group) {
            if (!errors.containsKey(w.id()) && w.events().contains(Webhooks.UPTICK_FLAGGED)) {
                try {
                    upticks(w, owner.get());
                    upticksChecked.put(w.id(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
                } catch (DeliveryFailed e) {
                    errors.put(w.id(), e.getMessage());
                }
            }
            if (errors.containsKey(w.id())) {
                failed(w, errors.get(w.id()));
                continue;
            }
            Map<UUID, Long> seen = new HashMap<>();
            newest.forEach((c, micros) -> {
                if (candidate(w, c)) {
                    seen.put(c, micros);
                }
            });
            caughtUp.put(w.id(), seen);
            if (w.failures() > 0) {
                store.putWebhook(w.delivered());
            }
        }
    }

    private void drain(List<Webhook> members, Principal owner, CollectionView view, Map<UUID, String> errors) {
        UUID c = view.collection().id();
        Map<UUID, Cursor> cursors = new HashMap<>();
        for (Webhook w : members) {
            cursors.put(w.id(), store.webhookCursor(w.id(), c).orElse(Cursor.afterMicros(micros(w.created()))));
        }
        Webhook first = members.get(0);
        ObjectQuery.Builder q = ObjectQuery.in(c).versions(VersionMatch.ALL);
        List<String> types = queryTypes(members, c);
        if (!types.isEmpty()) {
            q.types(types);
        }
        String via = members.size() == 1 ? "webhook " + first.id() + " " + first.url() : sharedBy(members);
        Cursor from = cursors.values().stream().min(java.util.Comparator.comparingLong(Cursor::dateAddedMicros))
                .orElseThrow();
        ObjectsPage<ReadPath.Dated> page;
        Pacer pacer = new Pacer();
        do {
            page = reads.datedObjects(owner, view, q.limit(writing ? BATCH_WHILE_WRITING : BATCH).after(from).build(),
                    via);
            Map<UUID, Cursor> acknowledged = new HashMap<>(cursors);
            try {
                for (ReadPath.Dated d : page.items()) {
                    long at = micros(Instant.parse(d.dateAdded()));
                    for (Webhook w : members) {
                        if (errors.containsKey(w.id()) || cursors.get(w.id()).dateAddedMicros() >= at) {
                            continue;
                        }
                        String event = event(w, c, d.object());
                        try {
                            if (Webhooks.WATCHLIST_HIT.equals(event)) {
                                sendHit(w, owner, c, d);
                            } else if (event != null) {
                                send(w, c, event, d);
                            }
                            acknowledged.put(w.id(), Cursor.afterMicros(at));
                        } catch (DeliveryFailed e) {
                            errors.put(w.id(), e.getMessage());
                        }
                    }
                    pacer.pace();
                }
            } finally {
                // What each receiver acknowledged is kept even when a later delivery of the page fails, so a retry
                // repeats nothing; one write per subscription and page rather than per delivery.
                for (Webhook w : members) {
                    if (!acknowledged.get(w.id()).equals(cursors.get(w.id()))) {
                        store.putWebhookCursor(w.id(), c, acknowledged.get(w.id()));
                        cursors.put(w.id(), acknowledged.get(w.id()));
                    }
                }
            }
            if (!page.items().isEmpty()) {
                from = Cursor.afterMicros(micros(Instant.parse(page.items().get(page.items().size() - 1).dateAdded())));
            }
            pacer.pace();
        } while (page.more() && members.stream().anyMatch(w -> !errors.containsKey(w.id())));
    }

    /** How the audit log names a read shared by several subscriptions: their ids, the first few of a crowd. */
    private static String sharedBy(List<Webhook> members) {
        int named = Math.min(members.size(), AUDIT_NAMES);
        String ids = String.join(",", members.subList(0, named).stream().map(w -> w.id().toString()).toList());
        return "webhooks " + ids + (named < members.size() ? " and " + (members.size() - named) + " more of the "
                + "same user" : "");
    }

    /**
     * While writes keep arriving, makes a sender rest in proportion to the work it did since it last rested, so that
     * writers keep the cores; once they pause, it works at full speed.
     */
    private final class Pacer {
        private long since = System.nanoTime();

        void pace() {
            long now = System.nanoTime();
            if (!writing) {
                since = now;
                return;
            }
            long rest = (long) ((now - since) * (1 - WHILE_WRITING) / WHILE_WRITING);
            if (rest < SHORTEST_REST_NANOS) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(rest, TimeUnit.SECONDS.toNanos(5)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryFailed("interrupted while delivering");
            }
            since = System.nanoTime();
        }
    }

    /**
     * Sends the upticks of the days that closed since the last pass, as the subscription's user sees them, then
     * records the last day sent: the position is the store's, so a restart sends no day twice and skips none
     * (a crash between a send and the record repeats that pass, with the same message ids).
     */
    private void upticks(Webhook w, Principal owner) {
        String key = "webhook-upticks:" + w.id();
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        LocalDate first = store.workPosition(key).map(c -> LocalDate.ofEpochDay(c.dateAddedMicros() / MICROS_A_DAY)
                .plusDays(1)).orElse(LocalDate.ofInstant(w.created(), ZoneOffset.UTC));
        if (first.isAfter(yesterday)) {
            return;
        }
        first = first.isBefore(yesterday.minusDays(UPTICK_CATCH_UP)) ? yesterday.minusDays(UPTICK_CATCH_UP) : first;
        String via = "webhook " + w.id() + " " + w.url();
        for (Picture.Uptick u : picture.upticks(owner, first, yesterday, Optional.empty(), Optional.empty(), via)) {
            if (w.places().isEmpty() || w.places().contains(u.place())) {
                post(w, "msg_" + UUID.nameUUIDFromBytes((w.id() + "|uptick|" + u.place() + "|" + u.date())
                        .getBytes(StandardCharsets.UTF_8)), Webhooks.UPTICK_FLAGGED, upticked(u));
            }
        }
        store.putWorkPosition(key, Cursor.afterMicros(yesterday.toEpochDay() * MICROS_A_DAY));
    }

    private static String upticked(Picture.Uptick u) {
        var data = org.vigil.stix.StixJson.newObjectNode();
        data.put("place", u.place());
        if (u.name() != null) {
            data.put("name", u.name());
        }
        data.put("date", u.date());
        data.put("observed", u.observed());
        data.put("expected", u.expected());
        data.put("p_value", u.pValue());
        data.put("sources", u.sources());
        return data.toString();
    }

    /** Which event an object is for this subscription, or null when it wants none. */
    private static String event(Webhook w, UUID collection, ReleasedObject o) {
        if (w.events().contains(Webhooks.WATCHLIST_HIT) && o.id().startsWith("sighting--")
                && o.json().contains(Webhooks.WATCHLIST_HIT_EXTENSION)) {
            return Webhooks.WATCHLIST_HIT;
        }
        boolean typeWanted = w.types().isEmpty() || w.types().contains(o.id().substring(0, o.id().indexOf("--")));
        if (!typeWanted || !objectsWanted(w, collection) && !collection.equals(AlertSchema.PUBLISHED)) {
            return null;
        }
        boolean alert = collection.equals(AlertSchema.PUBLISHED)
                && o.id().startsWith(AlertSchema.TYPE + "--");
        if (!w.places().isEmpty() && w.places().stream().noneMatch(place -> o.json().contains("\"" + place + "\""))) {
            return null;
        }
        if (alert && w.events().contains(Webhooks.ALERT_PUBLISHED)) {
            return Webhooks.ALERT_PUBLISHED;
        }
        return w.events().contains(Webhooks.OBJECT_ADDED) ? Webhooks.OBJECT_ADDED : null;
    }

    /** The collections any of a group's subscriptions watches, as their user may read them now. */
    private List<CollectionView> watched(List<Webhook> group, Principal owner) {
        List<CollectionView> out = new ArrayList<>();
        for (Collection c : store.collections(apiRoot)) {
            if (group.stream().anyMatch(w -> candidate(w, c.id()))) {
                reads.collection(owner, apiRoot, c.id()).filter(CollectionView::canRead).ifPresent(out::add);
            }
        }
        return out;
    }

    private void send(Webhook w, UUID collection, String event, ReadPath.Dated d) {
        // The same notification always has the same id (a version's date_added never changes), so receivers can
        // drop the repeats that at-least-once brings.
        String id = "msg_" + UUID.nameUUIDFromBytes((w.id() + "|" + collection + "|" + d.object().id() + "|"
                + d.dateAdded()).getBytes(StandardCharsets.UTF_8));
        // Built as text around the object's JSON as released, which need not be parsed again.
        post(w, id, event, "{\"collection\":\"" + collection + "\",\"object\":" + d.object().json() + "}");
    }

    /**
     * Sends a watchlist hit when the subscription's user may see, through the read path and now, the sighting (it
     * was read as them), the person of interest and the new object it was seen through; each goes out as they may
     * see it. Otherwise nothing is sent, and the hit is passed over.
     */
    private void sendHit(Webhook w, Principal owner, UUID collection, ReadPath.Dated d) {
        var sighting = d.object().object();
        String via = "webhook " + w.id() + " " + w.url();
        String observed = sighting.property("extensions").map(e -> e.path(Webhooks.WATCHLIST_HIT_EXTENSION)
                .path("observed_ref").asText(null)).orElse(null);
        String poi = sighting.text("sighting_of_ref");
        if (observed == null || poi == null) {
            return;
        }
        Optional<ReleasedObject> person = reads.object(owner, poi, via);
        Optional<ReleasedObject> newcomer = person.isEmpty() ? Optional.empty() : reads.object(owner, observed, via);
        if (person.isEmpty() || newcomer.isEmpty()) {
            return;
        }
        String id = "msg_" + UUID.nameUUIDFromBytes((w.id() + "|" + collection + "|" + d.object().id() + "|"
                + d.dateAdded()).getBytes(StandardCharsets.UTF_8));
        post(w, id, Webhooks.WATCHLIST_HIT, "{\"collection\":\"" + collection + "\",\"sighting\":" + d.object().json()
                + ",\"person_of_interest\":" + person.get().json() + ",\"object\":" + newcomer.get().json() + "}");
    }

    /** Posts one notification, signed; a receiver that does not acknowledge it fails the delivery. */
    private void post(Webhook w, String id, String event, String data) {
        Instant now = clock.instant();
        String text = "{\"type\":\"" + event + "\",\"timestamp\":\"" + AlertTimes.stix(now) + "\",\"data\":" + data
                + "}";
        long seconds = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(w.url())).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(seconds))
                .header("webhook-signature", WebhookSignature.sign(w.secret(), id, seconds, text))
                .POST(HttpRequest.BodyPublishers.ofString(text)).build();
        try {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                throw new DeliveryFailed("the receiver answered " + r.statusCode());
            }
        } catch (IOException e) {
            throw new DeliveryFailed("the receiver could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted while delivering");
        }
    }

    private void failed(Webhook w, String error) {
        Instant now = clock.instant();
        long base = Math.min(LONGEST_WAIT.toMillis(), FIRST_RETRY.toMillis() << Math.min(20, w.failures()));
        long wait = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
        boolean giveUp = w.firstFailure() != null && w.firstFailure().plus(GIVE_UP_AFTER).isBefore(now);
        store.putWebhook(w.failed(now, now.plusMillis(wait), giveUp, error));
        if (giveUp) {
            LOG.warn("webhook {} to {} has failed for a day and is now marked failing: {}", w.id(), w.url(), error);
        } else {
            LOG.info("webhook {} to {} failed ({}); retrying in {} s", w.id(), w.url(), error, wait / 1000);
        }
    }

    private Optional<Principal> principal(UUID userId) {
        Optional<User> u = store.user(userId);
        Optional<Organisation> org = u.flatMap(x -> store.organisation(x.organisationId()));
        return org.map(o -> Principal.of(u.get(), o));
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    /** A delivery the receiver did not acknowledge. */
    private static final class DeliveryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** Stops, waiting briefly for a pass under way to record its cursors, so the store may close after. */
    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
