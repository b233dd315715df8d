package org.vigil.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A webhook subscription and where its deliveries stand. It acts as its user: it carries only what that user
 * may read.
 *
 * @param id the subscription id (the webhook-id of its deliveries is derived from it)
 * @param userId the user it acts as
 * @param url where deliveries are POSTed
 * @param secret the signing secret, {@code whsec_} and base64
 * @param collections the collections it watches; empty for every collection the user may read
 * @param types the STIX types it carries; empty for every type
 * @param places location ids: it carries only objects that name one of them; empty for every object
 * @param events the event types it wants, e.g. {@code object.added}, {@code alert.published}
 * @param created when it was made
 * @param failing whether it was given up on after a day of failed deliveries
 * @param failures failed attempts in a row
 * @param firstFailure when the current run of failures began, or null
 * @param nextAttempt when the next delivery may be tried
 * @param lastError what the last failed attempt met, or null
 */
public record Webhook(UUID id, UUID userId, String url, String secret, Set<UUID> collections, Set<String> types,
                      Set<String> places, Set<String> events, Instant created, boolean failing, int failures, Instant firstFailure,
                      Instant nextAttempt, String lastError) {

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        collections = Set.copyOf(collections);
        types = Set.copyOf(types);
        places = Set.copyOf(places);
        events = Set.copyOf(events);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
    }

    /** A new, healthy subscription. */
    public static Webhook of(UUID id, UUID userId, String url, String secret, Set<UUID> collections,
                             Set<String> types, Set<String> places, Set<String> events, Instant created) {
        return new Webhook(id, userId, url, secret, collections, types, places, events, created, false, 0, null, created,
                null);
    }

    /** After a delivery went through. */
    public Webhook delivered() {
        return new Webhook(id, userId, url, secret, collections, types, places, events, created, false, 0, null, nextAttempt,
                null);
    }

    /** After a failed delivery: when to try again, and whether it is now failing. */
    public Webhook failed(Instant at, Instant retryAt, boolean givenUp, String error) {
        return new Webhook(id, userId, url, secret, collections, types, places, events, created, givenUp, failures + 1,
                firstFailure == null ? at : firstFailure, retryAt, error);
    }

    /** Leaves the secret out, so subscriptions can be logged. */
    @Override
    public String toString() {
        return "Webhook[" + id + ", user " + userId + ", " + url + (failing ? ", failing" : "") + "]";
    }
}
