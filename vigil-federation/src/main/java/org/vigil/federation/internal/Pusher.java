package org.vigil.federation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.CollectionView;
import org.vigil.access.ObjectsPage;
import org.vigil.access.Principal;
import org.vigil.access.ReadPath;
import org.vigil.access.ReleasedObject;
import org.vigil.store.Cursor;
import org.vigil.store.Feed;
import org.vigil.store.FeedState;
import org.vigil.store.ObjectQuery;
import org.vigil.store.Store;
import org.vigil.store.VersionMatch;
import org.vigil.taxii.TaxiiClient;

/**
 * One pass of a push: every version of the local collection after the feed's cursor, read through the read path
 * as the feed's account (so only what that account may see leaves, and the audit log says so), posted to the
 * remote collection page by page. The cursor moves once the remote has answered for a page; a page sent again
 * after a crash is recognised there by id and version.
 */
public final class Pusher {

    private static final Logger LOG = LoggerFactory.getLogger(Pusher.class);

    private final Store store;
    private final ReadPath reads;
    private final int pageSize;
    private final String holder;

    public Pusher(Store store, ReadPath reads, int pageSize, String holder) {
        this.store = store;
        this.reads = reads;
        this.pageSize = pageSize;
        this.holder = holder;
    }

    public FeedState pass(Feed feed, Principal account, CollectionView from, TaxiiClient remote) {
        FeedState state = feed.state();
        Cursor cursor = state.cursor() == null ? null : Cursor.parse(state.cursor());
        String path = "feed " + feed.name() + " push to " + feed.url();
        while (true) {
            ObjectQuery q = ObjectQuery.in(feed.collectionId()).versions(VersionMatch.ALL).limit(pageSize)
                    .after(cursor).build();
            ObjectsPage<ReleasedObject> page = reads.objects(account, from, q, path);
            if (page.items().isEmpty()) {
                return state;
            }
            StringJoiner envelope = new StringJoiner(",", "{\"objects\":[", "]}");
            page.items().forEach(o -> envelope.add(o.json()));
            JsonNode status = remote.post("objects/", envelope.toString()).expect(202);
            long sent = status.path("success_count").asLong();
            long refused = status.path("failure_count").asLong();
            status.path("failures").forEach(f -> LOG.warn("feed {}: {} refused {}: {}", feed.name(), feed.url(),
                    f.path("id").asText(), f.path("message").asText()));
            cursor = page.next().orElseGet(() -> after(page.dateAddedLast()));
            state = state.plus(cursor.token(), sent, 0, refused, 0);
            store.putFeedState(feed.id(), holder, state);
            if (!page.more()) {
                return state;
            }
        }
    }

    private static Cursor after(String dateAdded) {
        return Cursor.afterMicros(ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(dateAdded)));
    }
}
