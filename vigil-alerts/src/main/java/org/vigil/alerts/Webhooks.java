package org.vigil.alerts;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.vigil.access.CollectionView;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.store.Collection;
import org.vigil.store.Store;
import org.vigil.store.Webhook;

/**
 * Webhook subscriptions: made for a user, whose rights they carry; signed with a secret in the Standard Webhooks
 * form ({@code whsec_} and base64), shown once.
 */
public final class Webhooks {

    /** Every object a subscription's user may see, newly added to a watched collection. */
    public static final String OBJECT_ADDED = "object.added";
    /** A travel alert message (alert, update or cancellation) published. */
    public static final String ALERT_PUBLISHED = "alert.published";
    /**
     * A day on which the threat picture flagged an uptick at a place the user may see (or one of the webhook's
     * places), sent once the UTC day has closed, since a day's count is final only then.
     */
    public static final String UPTICK_FLAGGED = "uptick.flagged";
    /**
     * A new individual matched a person of interest on the user's watchlist: the sighting that continuous screening
     * (vigil-screen) recorded, sent when the user may see the sighting, the person of interest and the newcomer.
     */
    public static final String WATCHLIST_HIT = "watchlist.hit";
    static final Set<String> EVENTS = Set.of(OBJECT_ADDED, ALERT_PUBLISHED, UPTICK_FLAGGED, WATCHLIST_HIT);
    /**
     * The extension by which a sighting says it is a watchlist hit: vigil-screen's WatchlistHit.EXTENSION_ID, derived
     * here from the same name because alerts may not depend on screening (vigil-app's tests check they agree).
     */
    public static final String WATCHLIST_HIT_EXTENSION = org.vigil.stix.Identifier.deterministic(
            "extension-definition", org.vigil.stix.Publisher.NAMESPACE, "watchlist-hit/1.0");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReadPath reads;
    private final Store store;
    private final String apiRoot;
    private final Clock clock;

    public Webhooks(ReadPath reads, Store store, String apiRoot, Clock clock) {
        this.reads = reads;
        this.store = store;
        this.apiRoot = apiRoot;
        this.clock = clock;
    }

    /** A new subscription and its secret, which is shown only here. */
    public record Added(Webhook webhook, String secret) {
    }

    /**
     * Subscribes {@code owner} to deliveries at {@code url}.
     *
     * @param collections collection ids the owner may read; empty for every one they may read
     * @param types STIX types; empty for all
     * @param places location ids the owner may see: only objects that name one of them (the location itself, or
     *     an object that refers to it); empty for all
     * @param events {@value #OBJECT_ADDED}, {@value #ALERT_PUBLISHED}, {@value #UPTICK_FLAGGED} and/or
     *     {@value #WATCHLIST_HIT}; empty for
     *     object.added
     */
    public Added add(Principal owner, String url, List<UUID> collections, List<String> types, List<String> places,
                     List<String> events) {
        if (owner.isAnonymous()) {
            throw new AlertRefusal(401, "a webhook acts as a user; name one");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new AlertRefusal("'" + url + "' is not a URL; give e.g. https://receiver.example/hooks");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new AlertRefusal("'" + url + "' is not an http or https URL; give e.g. https://receiver.example/hooks");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String e : events.isEmpty() ? List.of(OBJECT_ADDED) : events) {
            if (!EVENTS.contains(e)) {
                throw new AlertRefusal("unknown event '" + e + "'; known events: " + String.join(", ",
                        EVENTS.stream().sorted().toList()));
            }
            wanted.add(e);
        }
        for (UUID c : collections) {
            if (reads.collection(owner, apiRoot, c).filter(CollectionView::canRead).isEmpty()) {
                throw new AlertRefusal(404, "no collection " + c + " that " + owner + " may read");
            }
        }
        for (String place : places) {
            if (!place.startsWith("location--") || PlaceFinder.byId(reads, store, apiRoot, owner, place,
                    "webhook add").isEmpty()) {
                throw new AlertRefusal(404, "no location " + place + " that " + owner + " may see (--place takes a "
                        + "location id)");
            }
        }
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        Webhook w = Webhook.of(UUID.randomUUID(), owner.userId(), url, secret, Set.copyOf(collections),
                Set.copyOf(types), Set.copyOf(places), wanted, clock.instant());
        store.putWebhook(w);
        return new Added(w, secret);
    }

    /** Records in the audit log that a user made or removed a subscription over the API. */
    void note(Principal p, String action, String request, Webhook w) {
        store.appendAudit(new org.vigil.store.AuditEvent(p.userId(), action, request, List.of(), w.id() + " " + w.url()
                + " as " + userName(w.userId())));
    }

    /** A user's name for people to read; "a former user" once they are gone. */
    String userName(UUID userId) {
        return store.user(userId).map(org.vigil.store.User::name).orElse("a former user");
    }

    public List<Webhook> list() {
        return store.webhooks();
    }

    public Optional<Webhook> get(UUID id) {
        return store.webhook(id);
    }

    public boolean remove(UUID id) {
        return store.removeWebhook(id);
    }

    /** A collection named by id, alias or title that {@code p} may read; empty alike for none and a hidden one. */
    Optional<UUID> readableCollection(Principal p, String ref) {
        return collection(ref).filter(c -> reads.collection(p, apiRoot, c).filter(CollectionView::canRead)
                .isPresent());
    }

    /** A collection named by id or alias, for the command line. */
    public Optional<UUID> collection(String ref) {
        try {
            UUID id = UUID.fromString(ref);
            return store.collection(id).map(Collection::id);
        } catch (IllegalArgumentException e) {
            return store.collectionByAlias(apiRoot, ref).or(() -> store.collections(apiRoot).stream()
                    .filter(c -> c.title().equals(ref)).findFirst()).map(Collection::id);
        }
    }
}
