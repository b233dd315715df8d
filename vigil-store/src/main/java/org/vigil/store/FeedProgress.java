package org.vigil.store;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A feed's new state, to be written in the same transaction as the batch of objects it brought in, so that
 * after any crash the cursor and the objects agree. The state is computed from what became of the batch.
 *
 * @param holder the lease holder running the feed; the transaction fails, and stores nothing, if it no longer
 *     holds the lease
 */
public record FeedProgress(UUID feedId, String holder, Function<List<AddResult>, FeedState> next) {
}
