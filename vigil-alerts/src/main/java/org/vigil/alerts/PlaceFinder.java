package org.vigil.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.access.CollectionView;
import org.vigil.access.ObjectsPage;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.ReleasedObject;
import org.vigil.stix.StixObject;
import org.vigil.store.Collection;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Store;

/**
 * Finds objects an alert cites, across every collection a reader may read, through the read path: so what a
 * reader may not see is not found, and every look-up is audited as theirs.
 */
final class PlaceFinder {

    private PlaceFinder() {
    }

    /** The newest version of an object the reader may see, from the first collection that holds it. */
    static Optional<StixObject> byId(ReadPath reads, Store store, String apiRoot, Principal reader, String id,
                                     String via) {
        for (CollectionView view : readable(reads, store, apiRoot, reader)) {
            ObjectsPage<ReleasedObject> page = reads.objects(reader, view,
                    ObjectQuery.in(view.collection().id()).ids(id).limit(1).build(), via);
            if (!page.items().isEmpty()) {
                return Optional.of(page.items().get(0).object());
            }
        }
        return Optional.empty();
    }

    /** The locations the reader may see whose name is {@code name}, ignoring case. */
    static List<StixObject> locationsNamed(ReadPath reads, Store store, String apiRoot, Principal reader, String name,
                                           String via) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<StixObject> out = new ArrayList<>();
        for (CollectionView view : readable(reads, store, apiRoot, reader)) {
            ObjectQuery q = ObjectQuery.in(view.collection().id()).types("location").limit(ObjectQuery.MAX_LIMIT)
                    .build();
            ObjectsPage<ReleasedObject> page;
            do {
                page = reads.objects(reader, view, q, via);
                for (ReleasedObject o : page.items()) {
                    StixObject location = o.object();
                    String n = location.text("name");
                    if (n != null && n.toLowerCase(Locale.ROOT).equals(wanted)) {
                        out.add(location);
                    }
                }
                q = q.after(page.next().orElse(null));
            } while (page.more());
        }
        return out;
    }

    /** The collections the reader may read, alerts' own drafts left out. */
    private static List<CollectionView> readable(ReadPath reads, Store store, String apiRoot, Principal reader) {
        List<CollectionView> out = new ArrayList<>();
        for (Collection c : store.collections(apiRoot)) {
            if (c.id().equals(AlertSchema.DRAFTS)) {
                continue;
            }
            reads.collection(reader, apiRoot, c.id()).filter(CollectionView::canRead).ifPresent(out::add);
        }
        return out;
    }
}
