package org.vigil.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vigil.access.CollectionView;
import org.vigil.access.ObjectsPage;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.ReleasedObject;
import org.vigil.stix.StixObject;
import org.vigil.stix.Timestamp;
import org.vigil.store.ObjectQuery;

/**
 * Fits a freshly extracted object to what the collection already holds under its id, so that re-ingesting an
 * article adds nothing and a person seen again in a new article becomes a new version of the same object: it
 * keeps the first {@code created} and moves {@code modified} forward, as STIX versioning requires.
 */
final class Reconciler {

    private final ReadPath reads;
    private final Principal principal;
    private final CollectionView collection;

    Reconciler(ReadPath reads, Principal principal, CollectionView collection) {
        this.reads = reads;
        this.principal = principal;
        this.collection = collection;
    }

    /** The version to post, or empty when the collection already holds this content. */
    Optional<StixObject> version(StixObject fresh) {
        if (fresh.created().isEmpty() || fresh.modified().isEmpty()) {
            return Optional.of(fresh);
        }
        ObjectQuery q = ObjectQuery.in(collection.collection().id()).ids(fresh.id()).limit(1).build();
        ObjectsPage<ReleasedObject> page = reads.objects(principal, collection, q, "vigil ingest");
        if (page.items().isEmpty()) {
            return Optional.of(fresh);
        }
        StixObject held = page.items().get(0).object();
        if (sameContent(held, fresh)) {
            return Optional.empty();
        }
        String created = held.created().orElse(fresh.created().get());
        String modified = later(fresh.modified().get(), held.modified().orElse(created));
        return Optional.of(fresh.with("created", created).with("modified", modified));
    }

    private static boolean sameContent(StixObject a, StixObject b) {
        ObjectNode x = a.json();
        ObjectNode y = b.json();
        for (String volatileProperty : List.of("created", "modified", "published")) {
            x.remove(volatileProperty);
            y.remove(volatileProperty);
        }
        return x.equals(y);
    }

    /** A modified later than the held one: the fresh value if it is, else one millisecond after the held. */
    private static String later(String fresh, String held) {
        if (Timestamp.compare(fresh, held) > 0) {
            return fresh;
        }
        Instant next = Timestamp.parse(held).plusMillis(1);
        return Installation.STIX_MILLIS.format(next);
    }
}
