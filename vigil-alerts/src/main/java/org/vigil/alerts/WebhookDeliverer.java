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
import java.util.List;
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
 * delivery, and writers never wait for receivers. Each subscription reads through the read path as its user (so
 * it carries only what that user may see, and each read is audited as theirs), one subscription at a time in
 * order; a failed delivery is retried with exponential backoff and jitter, and after a day of failures the
 * subscription is marked failing and left alone.
 */
public final class WebhookDeliverer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final int BATCH = 100;
    static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final long MICROS_A_DAY = 86_400_000_000L;
    /** The most days of upticks a subscription catches up on after being down. */
    private static final int UPTICK_CATCH_UP = 30;

    private final ReadPath reads;
    private final Store store;
    private final String apiRoot;
    private final Clock clock;
    private final HttpClient http;
    private final Picture picture;
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
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
        this.senders = Executors.newFixedThreadPool(2, r -> daemon(r, "vigil-webhook-sender"));
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
            for (Webhook w : store.webhooks()) {
                if (!w.failing() && !w.nextAttempt().isAfter(now) && busy.add(w.id())) {
                    senders.execute(() -> {
                        try {
                            deliver(w.id());
                        } finally {
                            busy.remove(w.id());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("looking for webhook deliveries failed; trying again shortly: {}", e.getMessage());
        }
    }

    /** Delivers whatever one subscription has pending, in order, until it is done or a delivery fails. */
    void deliver(UUID webhookId) {
        Optional<Webhook> found = store.webhook(webhookId);
        if (found.isEmpty() || found.get().failing()) {
            return;
        }
        Webhook w = found.get();
        Optional<Principal> owner = principal(w.userId());
        if (owner.isEmpty()) {
            return;
        }
        try {
            for (CollectionView view : watched(w, owner.get())) {
                drain(w, owner.get(), view);
            }
            if (w.events().contains(Webhooks.UPTICK_FLAGGED)) {
                upticks(w, owner.get());
            }
            if (w.failures() > 0) {
                store.putWebhook(w.delivered());
            }
        } catch (DeliveryFailed e) {
            failed(w, e.getMessage());
        }
    }

    private void drain(Webhook w, Principal owner, CollectionView view) {
        UUID c = view.collection().id();
        Cursor cursor = store.webhookCursor(w.id(), c).orElse(Cursor.afterMicros(micros(w.created())));
        ObjectQuery.Builder q = ObjectQuery.in(c).versions(VersionMatch.ALL).limit(BATCH);
        if (!objectsWanted(w, c) && !c.equals(AlertSchema.PUBLISHED)) {
            // Watched for watchlist hits alone: only sightings can be one.
            q.types(List.of("sighting"));
        } else if (!w.types().isEmpty()) {
            List<String> types = new ArrayList<>(w.types());
            if (w.events().contains(Webhooks.WATCHLIST_HIT) && !types.contains("sighting")) {
                types.add("sighting");
            }
            q.types(types);
        }
        ObjectsPage<ReadPath.Dated> page;
        do {
            page = reads.datedObjects(owner, view, q.after(cursor).build(), "webhook " + w.id() + " " + w.url());
            Cursor acknowledged = cursor;
            try {
                for (ReadPath.Dated d : page.items()) {
                    String event = event(w, c, d.object());
                    if (Webhooks.WATCHLIST_HIT.equals(event)) {
                        sendHit(w, owner, c, d);
                    } else if (event != null) {
                        send(w, c, event, d);
                    }
                    acknowledged = Cursor.afterMicros(micros(Instant.parse(d.dateAdded())));
                }
            } finally {
                // What the receiver acknowledged is kept even when a later delivery of the page fails, so a retry
                // repeats nothing; one write per page rather than per delivery.
                if (!acknowledged.equals(cursor)) {
                    store.putWebhookCursor(w.id(), c, acknowledged);
                    cursor = acknowledged;
                }
            }
        } while (page.more());
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

    /** Whether a subscription wants object.added from a collection. */
    private static boolean objectsWanted(Webhook w, UUID collection) {
        return w.events().contains(Webhooks.OBJECT_ADDED) && (w.collections().isEmpty()
                || w.collections().contains(collection));
    }

    /**
     * The collections a subscription watches, as its user may read them now. Watchlist hits are filed beside the
     * person of interest, wherever that is, so a subscription to them watches every collection its user reads.
     */
    private List<CollectionView> watched(Webhook w, Principal owner) {
        List<CollectionView> out = new ArrayList<>();
        boolean hits = w.events().contains(Webhooks.WATCHLIST_HIT);
        for (Collection c : store.collections(apiRoot)) {
            boolean alerts = c.id().equals(AlertSchema.PUBLISHED) && w.events().contains(Webhooks.ALERT_PUBLISHED);
            boolean chosen = objectsWanted(w, c.id());
            if ((alerts || chosen || hits) && !c.id().equals(AlertSchema.DRAFTS)) {
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

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
    }
}
