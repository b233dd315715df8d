package org.vigil.store;

import java.util.Set;
import java.util.UUID;

/**
 * The collections an API token may be used on: all that its user may use, or only some of them.
 *
 * @param allCollections whether the token works on every collection its user may use
 * @param collections the collections it is limited to, when not all
 */
public record TokenScope(boolean allCollections, Set<UUID> collections) {

    public TokenScope {
        collections = Set.copyOf(collections);
        if (allCollections && !collections.isEmpty()) {
            throw new IllegalArgumentException("a token scope covers all collections or lists some, not both");
        }
        if (!allCollections && collections.isEmpty()) {
            throw new IllegalArgumentException("a token limited to collections must name at least one");
        }
    }

    public static TokenScope all() {
        return new TokenScope(true, Set.of());
    }

    public static TokenScope only(Set<UUID> collections) {
        return new TokenScope(false, collections);
    }

    /** Whether the token may be used on this collection (the user's grants still apply). */
    public boolean covers(UUID collectionId) {
        return allCollections || collections.contains(collectionId);
    }
}
