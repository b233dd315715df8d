package org.vigil.store;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.vigil.stix.Tlp;

/**
 * A federation feed: a pull from a remote TAXII collection into a local one, or a push of a local collection to
 * a remote one, run as a local federation account, with its state.
 *
 * @param url the remote collection's URL (ending in its id and a slash)
 * @param collectionId the local collection pulled into or pushed from
 * @param userId the local account that posts (pull) or reads (push)
 * @param remoteUser the user name at the remote server; null to present the secret as a bearer token
 * @param sealedSecret the remote password or token, encrypted by whoever stores the feed; null for none
 * @param ceiling the most restrictive TLP a pull lets in
 * @param addedAfter where the first pass starts (a TAXII timestamp), or null for the beginning
 */
public record Feed(UUID id, String name, Direction direction, String url, UUID collectionId, UUID userId,
                   String remoteUser, String sealedSecret, Duration every, Tlp ceiling, String addedAfter,
                   FeedState state) {

    /** Which way objects travel. */
    public enum Direction {
        PULL, PUSH;

        public String label() {
            return name().toLowerCase();
        }

        public static Direction ofLabel(String label) {
            return valueOf(label.toUpperCase());
        }
    }

    public Feed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(ceiling, "ceiling");
        state = state == null ? FeedState.NEW : state;
    }
}
