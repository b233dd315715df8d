package org.vigil.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One object whose rows in the place index changed (it was added, got a new newest version, or was deleted), in
 * the order the changes were logged. A copy of the index kept in memory re-reads the rows of the objects named
 * here instead of the whole index.
 *
 * <p>On PostgreSQL, concurrent writers take sequence numbers before they commit, so a number may become visible
 * after a higher one; a reader keeps looking back over numbers it has not seen until they are older than
 * {@link #SETTLED}, after which a missing number belongs to a transaction that rolled back.
 *
 * @param seq the change's number, increasing
 * @param collectionId the collection holding the object
 * @param objectId the object
 * @param changedAt when the change was logged
 */
public record PlaceIndexChange(long seq, UUID collectionId, String objectId, Instant changedAt) {

    /** How long a writer may hold a sequence number before committing it; beyond it a gap is final. */
    public static final java.time.Duration SETTLED = java.time.Duration.ofSeconds(60);

    /**
     * The changes after a number, with the bounds of the log as it stands.
     *
     * @param changes the changes found, oldest first
     * @param oldest the lowest number still logged (older ones were pruned), or 0 when the log is empty
     * @param settled the highest number logged longer than {@link #SETTLED} ago, or 0 when there is none: every
     *     change up to it that will ever commit has committed
     */
    public record Log(List<PlaceIndexChange> changes, long oldest, long settled) {

        public Log {
            changes = List.copyOf(changes);
        }
    }
}
