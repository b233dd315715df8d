package org.vigil.access;

import java.util.Optional;
import org.vigil.store.Collection;
import org.vigil.store.Grant;
import org.vigil.store.Role;
import org.vigil.store.Store;

/** What a principal may do with a collection: their grant, the token's scope, the public flag and their role. */
final class Grants {

    private final Store store;

    Grants(Store store) {
        this.store = store;
    }

    CollectionView view(Principal p, Collection c) {
        if (!p.covers(c.id())) {
            return new CollectionView(c, false, false, false);
        }
        Optional<Grant> grant = p.isAnonymous() ? Optional.empty() : store.grant(p.userId(), c.id());
        boolean granted = grant.map(Grant::read).orElse(false);
        boolean canRead = granted || c.isPublic();
        boolean canWrite = !p.isAnonymous() && p.role() != Role.READER && grant.map(Grant::write).orElse(false);
        return new CollectionView(c, canRead, canWrite, canRead && !granted);
    }
}
