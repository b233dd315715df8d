package org.vigil.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A traveller's e-mail subscription to travel alerts.
 *
 * @param id the subscription id
 * @param address the e-mail address
 * @param places the location ids it covers; empty for every place
 * @param token the secret in its confirmation and unsubscribe links
 * @param confirmed whether the address owner followed the confirmation link (double opt-in)
 * @param created when it was asked for
 */
public record EmailSubscription(UUID id, String address, Set<String> places, String token, boolean confirmed,
                                Instant created) {

    public EmailSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        places = Set.copyOf(places);
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(created, "created");
    }

    public EmailSubscription confirm() {
        return new EmailSubscription(id, address, places, token, true, created);
    }

    /** Leaves the token out, so subscriptions can be logged. */
    @Override
    public String toString() {
        return "EmailSubscription[" + id + ", " + address + (confirmed ? "" : ", unconfirmed") + "]";
    }
}
