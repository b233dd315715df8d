package org.vigil.access;

import org.vigil.store.Collection;

/**
 * A collection as one reader sees it: the collection, and what they may do with it. {@code viaPublic} means the
 * reader reads only because the collection is public, so they see what an anonymous reader sees.
 */
public record CollectionView(Collection collection, boolean canRead, boolean canWrite, boolean viaPublic) {

    /** Whether the collection exists for this reader at all; one they can neither read nor write does not. */
    public boolean visible() {
        return canRead || canWrite;
    }
}
