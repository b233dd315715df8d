package org.vigil.store;

import java.time.Instant;

/**
 * Where a feed stands: the cursor its next pass starts from, when it last ran, what its passes made of the
 * objects so far, and the last error (null after a clean pass).
 *
 * @param cursor for a pull, the {@code added_after} to resume from; for a push, the local page cursor token
 * @param stored versions stored (pull) or sent (push)
 * @param duplicates versions already held, dropped as no-ops
 * @param refused objects refused as invalid, locally (pull) or by the remote (push)
 * @param aboveCeiling objects refused because their TLP is above the feed's ceiling
 */
public record FeedState(String cursor, Instant lastSync, long stored, long duplicates, long refused,
                        long aboveCeiling, String lastError) {

    public static final FeedState NEW = new FeedState(null, null, 0, 0, 0, 0, null);

    /** This state after one more batch. */
    public FeedState plus(String newCursor, long newStored, long newDuplicates, long newRefused, long newAbove) {
        return new FeedState(newCursor, lastSync, stored + newStored, duplicates + newDuplicates,
                refused + newRefused, aboveCeiling + newAbove, lastError);
    }

    public FeedState synced(Instant at, String error) {
        return new FeedState(cursor, at, stored, duplicates, refused, aboveCeiling, error);
    }
}
