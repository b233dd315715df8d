package org.vigil.federation;

import org.vigil.store.FeedState;

/**
 * What one pass of a feed came to: the feed's state afterwards, and whether it ended caught up (the remote, or
 * the local collection for a push, had nothing more) or with an error.
 */
public record PassResult(String feed, FeedState state, long stored, long duplicates, long refused,
                         long aboveCeiling, String error) {

    public boolean caughtUp() {
        return error == null;
    }
}
